using System.Globalization;
using Lindung.Domain.Identifiers;
using Lindung.Domain.Matching;
using Lindung.Domain.Rosters;

namespace Lindung.Domain.Reconciliation;

/// <summary>
/// A membership extract held in memory for matching: one compact entry per KPJ (NIK as a number,
/// name folded once, district codes interned), a NIK dictionary and candidate blocks. Blocks are
/// stored as one sorted array of member positions with a dictionary of (start, count) per key,
/// so 200,000 members cost a few tens of megabytes, not one list object per key.
/// </summary>
public sealed class MemberIndex
{
    private readonly List<IndexedMember> _members = [];
    private readonly Dictionary<long, int> _byNik = [];
    private readonly Dictionary<string, int> _byKpj = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _districts = new(StringComparer.Ordinal);
    private readonly List<(long Key, int Member)> _pendingBlocks = [];
    private Dictionary<long, (int Start, int Count)> _blocks = [];
    private int[] _blockMembers = [];

    public MemberIndex(NikValidator validator, DateOnly today)
    {
        Validator = validator;
        Today = today;
    }

    public NikValidator Validator { get; }

    public DateOnly Today { get; }

    public int Count => _members.Count;

    public static MemberIndex Build(IEnumerable<MemberRecord> members, NikValidator validator, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(members);
        var index = new MemberIndex(validator, today);
        foreach (var member in members)
        {
            index.Add(member);
        }

        index.Seal();
        return index;
    }

    public void Add(MemberRecord member)
    {
        ArgumentNullException.ThrowIfNull(member);
        var check = Validator.Check(member.Nik, Today);
        var nik = NikNumber(check);
        var district = check.DistrictName is null ? null : Intern(check.DistrictCode!);
        var birth = member.BirthDate ?? check.BirthDate;
        var name = PersonName.Normalize(member.Name);
        var position = _members.Count;
        _members.Add(new IndexedMember(
            member.Kpj, nik, name, birth?.DayNumber ?? -1, member.Sex ?? check.Sex, district, member.Active, member.Programs, member.Wage ?? -1));

        _byKpj.TryAdd(member.Kpj, position);

        // One NIK, several KPJs (a PU and a BPU membership, an old card): the active one speaks for the person.
        if (nik != 0 && (!_byNik.TryGetValue(nik, out var existing) || (!_members[existing].Active && member.Active)))
        {
            _byNik[nik] = position;
        }

        foreach (var key in BlockKeys(name, birth, district))
        {
            _pendingBlocks.Add((key, position));
        }
    }

    /// <summary>Turns the blocks gathered by <see cref="Add"/> into the compact lookup; call once, after the last member.</summary>
    public void Seal()
    {
        _pendingBlocks.Sort((a, b) => a.Key != b.Key ? a.Key.CompareTo(b.Key) : a.Member.CompareTo(b.Member));
        _blockMembers = new int[_pendingBlocks.Count];
        _blocks = new Dictionary<long, (int, int)>();
        for (var i = 0; i < _pendingBlocks.Count; i++)
        {
            var (key, member) = _pendingBlocks[i];
            _blockMembers[i] = member;
            _blocks[key] = _blocks.TryGetValue(key, out var range) ? (range.Start, range.Count + 1) : (i, 1);
        }

        _pendingBlocks.Clear();
        _pendingBlocks.TrimExcess();
    }

    internal IndexedMember this[int position] => _members[position];

    internal bool TryFindNik(long nik, out int position) => _byNik.TryGetValue(nik, out position);

    internal bool TryFindKpj(string kpj, out int position) => _byKpj.TryGetValue(kpj, out position);

    internal ReadOnlySpan<int> Block(long key) =>
        _blocks.TryGetValue(key, out var range) ? _blockMembers.AsSpan(range.Start, range.Count) : [];

    /// <summary>The NIK as a number when it is 16 digits after repair (valid or not: area lists lag), else 0.</summary>
    internal static long NikNumber(NikCheck check) =>
        check.Normalized is { Length: 16 } digits && digits.All(char.IsAsciiDigit)
            ? long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture)
            : 0;

    internal string? Intern(string? district) =>
        district is null ? null : _districts.TryGetValue(district, out var known) ? known : _districts[district] = district;

    /// <summary>
    /// Candidate blocks: the birth date; each name word's first three letters with the birth year;
    /// each name word's first three letters with the district. A wrong birth date still meets the
    /// name-and-district block, a wrong district the birth-date block, a dropped or swapped word the
    /// other words' blocks.
    /// </summary>
    internal static IEnumerable<long> BlockKeys(string foldedName, DateOnly? birth, string? district)
    {
        if (birth is { } date)
        {
            yield return BirthDateKey(date);
        }

        if (foldedName.Length == 0)
        {
            yield break;
        }

        var districtNumber = district is null ? -1 : DistrictNumber(district);
        foreach (var word in foldedName.Split(' ').Distinct())
        {
            var prefix = Prefix(word);
            if (birth is { } d)
            {
                yield return (2L << 56) | ((long)d.Year << 16) | prefix;
            }

            if (districtNumber >= 0)
            {
                yield return (3L << 56) | ((long)districtNumber << 16) | prefix;
            }
        }
    }

    internal static long BirthDateKey(DateOnly date) => (1L << 56) | (uint)date.DayNumber;

    private static int DistrictNumber(string dotted) =>
        int.Parse(dotted.AsSpan(0, 2), CultureInfo.InvariantCulture) * 10000
        + (int.Parse(dotted.AsSpan(3, 2), CultureInfo.InvariantCulture) * 100)
        + int.Parse(dotted.AsSpan(6, 2), CultureInfo.InvariantCulture);

    private static long Prefix(string word)
    {
        long prefix = 0;
        for (var i = 0; i < 3; i++)
        {
            prefix = (prefix << 5) | (i < word.Length ? (uint)(word[i] - 'a' + 1) & 31 : 0);
        }

        return prefix;
    }
}

/// <summary>One membership as matching needs it; no field the report does not use.</summary>
internal readonly record struct IndexedMember(
    string Kpj, long Nik, string Name, int BirthDay, Sex? Sex, string? District, bool Active, ProgramSet Programs, long Wage)
{
    public DateOnly? BirthDate => BirthDay < 0 ? null : DateOnly.FromDayNumber(BirthDay);
}
