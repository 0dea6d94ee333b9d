namespace Lindung.Domain.Reconciliation;

/// <summary>
/// The dated members by (district, birth date), what the search compares first packed per member.
/// A row reads its own and its ~50 slipped dates inside its district's one contiguous range, and
/// finds each date through a small per-district table of day buckets (about four members each)
/// rather than a binary search over the whole district: two reads and a short scan per date.
/// </summary>
internal sealed class DistrictDateOrder
{
    private const int MembersPerBucket = 4;

    private readonly int[] _numbers;
    private readonly DistrictDays[] _districts;
    private readonly int[] _bucketStart;
    private readonly int[] _days;

    private DistrictDateOrder(int[] numbers, DistrictDays[] districts, int[] bucketStart, int[] days, DatedMember[] members)
    {
        (_numbers, _districts, _bucketStart, _days, Members) = (numbers, districts, bucketStart, days, members);
    }

    public static DistrictDateOrder Empty { get; } = new([], [], [], [], []);

    /// <summary>Within one district and date, the members in the order the search has always met them.</summary>
    public DatedMember[] Members { get; }

    /// <summary>
    /// Distributes the (birth date, district) order by district with a stable counting sort, so the
    /// members of one district and date keep their order: it breaks ties between equal scores.
    /// </summary>
    public static DistrictDateOrder Build(IReadOnlyList<IndexedMember> members, int[] byDateThenDistrict)
    {
        var numbers = byDateThenDistrict.Select(p => members[p].DistrictNumber).Distinct().Order().ToArray();
        var start = new int[numbers.Length + 1];
        foreach (var position in byDateThenDistrict)
        {
            start[Array.BinarySearch(numbers, members[position].DistrictNumber) + 1]++;
        }

        for (var rank = 1; rank < start.Length; rank++)
        {
            start[rank] += start[rank - 1];
        }

        var next = (int[])start.Clone();
        var days = new int[byDateThenDistrict.Length];
        var packed = new DatedMember[byDateThenDistrict.Length];
        foreach (var position in byDateThenDistrict)
        {
            var member = members[position];
            var at = next[Array.BinarySearch(numbers, member.DistrictNumber)]++;
            days[at] = member.BirthDay;
            packed[at] = new DatedMember(position, member.NameId, member.DistrictNumber, member.SexCode);
        }

        var (districts, bucketStart) = Buckets(start, days);
        return new DistrictDateOrder(numbers, districts, bucketStart, days, packed);
    }

    /// <summary>The members of one district (-1: unknown), all birth dates.</summary>
    public DistrictDays District(int district)
    {
        var rank = Array.BinarySearch(_numbers, district);
        return rank < 0 ? default : _districts[rank];
    }

    /// <summary>Within a district's members, those born on one day.</summary>
    public (int From, int To) On(in DistrictDays district, int dayNumber)
    {
        var offset = dayNumber - district.FirstDay;
        if (district.From == district.To || offset < 0 || (offset >> district.Shift) >= district.Buckets)
        {
            return (0, 0);
        }

        var bucket = district.FirstBucket + (offset >> district.Shift);
        var (from, to) = (_bucketStart[bucket], _bucketStart[bucket + 1]);
        while (from < to && _days[from] < dayNumber)
        {
            from++;
        }

        var past = from;
        while (past < to && _days[past] == dayNumber)
        {
            past++;
        }

        return (from, past);
    }

    /// <summary>Per district, buckets of 2^shift days, as many as a quarter of its members.</summary>
    private static (DistrictDays[] Districts, int[] BucketStart) Buckets(int[] start, int[] days)
    {
        var districts = new DistrictDays[start.Length - 1];
        var bucketStart = new List<int>();
        for (var rank = 0; rank < districts.Length; rank++)
        {
            var (from, to) = (start[rank], start[rank + 1]);
            var (first, span) = (days[from], days[to - 1] - days[from] + 1);
            var wanted = Math.Max(1, (to - from) / MembersPerBucket);
            var shift = 0;
            while (((span - 1) >> shift) + 1 > wanted)
            {
                shift++;
            }

            var count = ((span - 1) >> shift) + 1;
            districts[rank] = new DistrictDays(from, to, first, shift, bucketStart.Count, count);
            for (int bucket = 0, at = from; bucket < count; bucket++)
            {
                var bucketFirstDay = first + (bucket << shift);
                while (at < to && days[at] < bucketFirstDay)
                {
                    at++;
                }

                bucketStart.Add(at);
            }

            bucketStart.Add(to);
        }

        return (districts, [.. bucketStart]);
    }
}

/// <summary>One district's range in <see cref="DistrictDateOrder.Members"/> and where its day buckets start.</summary>
internal readonly record struct DistrictDays(int From, int To, int FirstDay, int Shift, int FirstBucket, int Buckets);

/// <summary>What the search compares first about a dated member, in one place: one cache line holds four.</summary>
internal readonly record struct DatedMember(int Position, int NameId, int District, sbyte Sex);
