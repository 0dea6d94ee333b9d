namespace Lindung.Domain.Reconciliation;

/// <summary>
/// The members with a birth date in two orders: by (birth date, district), with what the search
/// compares first held in parallel arrays in that order, and by (birth date, name key). A roster
/// row reads its birth date's members of its own district (a binary search into the day's run),
/// and the members of that day anywhere who bear its name (another binary search): a handful of
/// members at a million, instead of thousands of scattered ones.
/// </summary>
internal sealed class BirthDateBlocks
{
    private readonly int _firstDay;
    private readonly int[] _dayStart;

    private BirthDateBlocks(int firstDay, int[] dayStart, int[] members, int[] districts, int[] names, sbyte[] sexes, int[] keyed, int[] keys)
    {
        (_firstDay, _dayStart) = (firstDay, dayStart);
        (Members, Districts, Names, Sexes) = (members, districts, names, sexes);
        (_keyed, _keys) = (keyed, keys);
    }

    private readonly int[] _keyed;
    private readonly int[] _keys;

    public static BirthDateBlocks Empty { get; } = new(0, [0], [], [], [], [], [], []);

    /// <summary>Member positions, in (birth date, district) order.</summary>
    public int[] Members { get; }

    /// <summary>District numbers (-1 unknown), aligned with <see cref="Members"/>.</summary>
    public int[] Districts { get; }

    /// <summary>Name ids into <see cref="MemberIndex"/>'s name table, aligned with <see cref="Members"/>.</summary>
    public int[] Names { get; }

    /// <summary>Sex as <see cref="IndexedMember.SexCode"/>, aligned with <see cref="Members"/>.</summary>
    public sbyte[] Sexes { get; }

    /// <param name="members">The index's members.</param>
    /// <param name="keyOfName">For each name id, the id of its <see cref="Matching.FoldedName.Key"/>.</param>
    public static BirthDateBlocks Build(IReadOnlyList<IndexedMember> members, IReadOnlyList<int> keyOfName)
    {
        var dated = 0;
        var (first, last) = (int.MaxValue, int.MinValue);
        foreach (var member in members)
        {
            if (member.BirthDay >= 0)
            {
                dated++;
                (first, last) = (Math.Min(first, member.BirthDay), Math.Max(last, member.BirthDay));
            }
        }

        if (dated == 0)
        {
            return Empty;
        }

        var keys = new long[dated];
        var positions = new int[dated];
        for (int position = 0, at = 0; position < members.Count; position++)
        {
            var member = members[position];
            if (member.BirthDay >= 0)
            {
                keys[at] = ((long)(member.BirthDay - first) << 32) | (uint)(member.DistrictNumber + 1);
                positions[at++] = position;
            }
        }

        Array.Sort(keys, positions);
        var dayStart = new int[last - first + 2];
        var districts = new int[dated];
        var names = new int[dated];
        var sexes = new sbyte[dated];
        var day = 0;
        for (var i = 0; i < dated; i++)
        {
            var member = members[positions[i]];
            var offset = (int)(keys[i] >> 32);
            while (day <= offset)
            {
                dayStart[day++] = i;
            }

            (districts[i], names[i], sexes[i]) = (member.DistrictNumber, member.NameId, member.SexCode);
        }

        while (day < dayStart.Length)
        {
            dayStart[day++] = dated;
        }

        // The same days, each ordered by name key instead.
        var keyed = (int[])positions.Clone();
        for (var i = 0; i < dated; i++)
        {
            var member = members[keyed[i]];
            keys[i] = ((long)(member.BirthDay - first) << 32) | (uint)keyOfName[member.NameId];
        }

        Array.Sort(keys, keyed);
        var keyIds = new int[dated];
        for (var i = 0; i < dated; i++)
        {
            keyIds[i] = (int)(uint)keys[i];
        }

        return new BirthDateBlocks(first, dayStart, positions, districts, names, sexes, keyed, keyIds);
    }

    /// <summary>The run of members born on this day (empty outside the extract's range).</summary>
    public (int From, int To) Day(int dayNumber)
    {
        var offset = dayNumber - _firstDay;
        return offset < 0 || offset >= _dayStart.Length - 1 ? (0, 0) : (_dayStart[offset], _dayStart[offset + 1]);
    }

    /// <summary>Within a day's run, the members of one district.</summary>
    public (int From, int To) District((int From, int To) day, int district)
    {
        // A day holds a few dozen members even at millions: a vectorised scan beats a binary search.
        var districts = Districts.AsSpan(day.From, day.To - day.From);
        var first = districts.IndexOf(district);
        if (first < 0)
        {
            return (day.To, day.To);
        }

        var past = districts[first..].IndexOfAnyExcept(district);
        return (day.From + first, past < 0 ? day.To : day.From + first + past);
    }

    /// <summary>Member positions of a day's members who bear a name key (any district).</summary>
    public ReadOnlySpan<int> SameName((int From, int To) day, int key)
    {
        var from = LowerBound(_keys, day.From, day.To, key);
        return _keyed.AsSpan(from, LowerBound(_keys, from, day.To, key + 1) - from);
    }

    private static int LowerBound(int[] sorted, int from, int to, int value)
    {
        while (from < to)
        {
            var middle = (from + to) >>> 1;
            if (sorted[middle] < value)
            {
                from = middle + 1;
            }
            else
            {
                to = middle;
            }
        }

        return from;
    }
}
