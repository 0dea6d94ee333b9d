namespace Lindung.Domain.Reconciliation;

/// <summary>
/// The members with a birth date in two orders: by (district, birth date), where a roster row reads
/// its own and its slipped dates' members of its district (<see cref="DistrictDateOrder"/>), and by
/// (birth date, name key), where it finds the members of its birth date anywhere who bear its name
/// (a binary search into the day): a handful of members at a million, not thousands of scattered ones.
/// </summary>
internal sealed class BirthDateBlocks
{
    private readonly int _firstDay;
    private readonly int[] _dayStart;
    private readonly int[] _keyed;
    private readonly int[] _keys;

    private BirthDateBlocks(int firstDay, int[] dayStart, int[] keyed, int[] keys, DistrictDateOrder byDistrict)
    {
        (_firstDay, _dayStart, _keyed, _keys, ByDistrict) = (firstDay, dayStart, keyed, keys, byDistrict);
    }

    public static BirthDateBlocks Empty { get; } = new(0, [0], [], [], DistrictDateOrder.Empty);

    /// <summary>The same members by (district, birth date).</summary>
    public DistrictDateOrder ByDistrict { get; }

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

        // The sorts are not stable, so both orders start from this one as they always have: the
        // order of equals is the order the search meets them in, which breaks ties between scores.
        Array.Sort(keys, positions);
        var byDistrict = DistrictDateOrder.Build(members, positions);
        var keyed = (int[])positions.Clone();
        for (var i = 0; i < dated; i++)
        {
            var member = members[keyed[i]];
            keys[i] = ((long)(member.BirthDay - first) << 32) | (uint)keyOfName[member.NameId];
        }

        Array.Sort(keys, keyed);
        var dayStart = new int[last - first + 2];
        var keyIds = new int[dated];
        var day = 0;
        for (var i = 0; i < dated; i++)
        {
            var offset = (int)(keys[i] >> 32);
            while (day <= offset)
            {
                dayStart[day++] = i;
            }

            keyIds[i] = (int)(uint)keys[i];
        }

        while (day < dayStart.Length)
        {
            dayStart[day++] = dated;
        }

        return new BirthDateBlocks(first, dayStart, keyed, keyIds, byDistrict);
    }

    /// <summary>The run of members born on this day, in name-key order (empty outside the extract's range).</summary>
    public (int From, int To) Day(int dayNumber)
    {
        var offset = dayNumber - _firstDay;
        return offset < 0 || offset >= _dayStart.Length - 1 ? (0, 0) : (_dayStart[offset], _dayStart[offset + 1]);
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
