using System.Globalization;
using Lindung.Domain.Identifiers;
using Lindung.Domain.Matching;
using Lindung.Domain.Rosters;

namespace Lindung.Domain.Reconciliation;

/// <summary>
/// A membership extract held in memory for matching: one compact entry per KPJ (NIK as a number,
/// name folded and split into words once per distinct name, district codes interned), a NIK
/// dictionary and the candidate blocks: members ordered by birth date and district
/// (<see cref="BirthDateBlocks"/>), and by district and name word for rows or members without a
/// birth date (<see cref="NameBlocks"/>).
/// </summary>
public sealed class MemberIndex
{
    private readonly List<IndexedMember> _members = [];
    private readonly NikTable _byNik = new();
    private Dictionary<string, int>? _byKpj;
    private readonly Dictionary<string, string> _districts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _nameIds = new(StringComparer.Ordinal);
    private readonly List<FoldedName> _names = [];
    private readonly Dictionary<string, int> _keyIds = new(StringComparer.Ordinal);
    private readonly List<int> _keyOfName = [];
    private int[] _bearersOfKey = [];
    private readonly NameBlocks _allNames = new();
    private readonly NameBlocks _datelessNames = new();

    public MemberIndex(NikValidator validator, DateOnly today)
    {
        Validator = validator;
        Today = today;
    }

    public NikValidator Validator { get; }

    public DateOnly Today { get; }

    public int Count => _members.Count;

    /// <summary>Name folding shared by the index and the reconciler that reads the roster against it.</summary>
    public NameFolds Names { get; } = new();

    /// <summary>
    /// Whether <see cref="Add"/> gathers candidate blocks. A NIK-only run never searches by name,
    /// and skipping the blocks saves most of the index's memory and time.
    /// </summary>
    public bool Blocks { get; init; } = true;

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
        var check = CheckKey(Validator, member.Nik, Today);
        var nik = NikNumber(check);
        var district = check.DistrictName is null ? null : Intern(check.CurrentDistrictCode!);
        var birth = member.BirthDate ?? check.BirthDate;
        var name = Names.Fold(member.Name);
        var nameId = Blocks ? NameId(name) : -1;
        var districtNumber = DistrictNumber(district);
        var position = _members.Count;
        _members.Add(new IndexedMember(
            member.Kpj, nik, name, birth?.DayNumber ?? -1, member.Sex ?? check.Sex, district, member.Active, member.Programs, member.Wage ?? -1)
        {
            NameId = nameId,
            DistrictNumber = districtNumber,
        });


        // One NIK, several KPJs (a PU and a BPU membership, an old card): the active one speaks for the person.
        if (nik != 0 && (!_byNik.TryGetValue(nik, out var existing) || (!_members[existing].Active && member.Active)))
        {
            _byNik.Set(nik, position);
        }

        if (!Blocks)
        {
            return;
        }

        _allNames.Add(name, districtNumber, position);
        if (birth is null)
        {
            _datelessNames.Add(name, districtNumber, position);
        }
    }

    /// <summary>Turns the blocks gathered by <see cref="Add"/> into the compact lookup; call once, after the last member.</summary>
    public void Seal()
    {
        if (!Blocks)
        {
            return;
        }

        Dates = BirthDateBlocks.Build(_members, _keyOfName);
        _bearersOfKey = new int[_keyIds.Count];
        foreach (var member in _members)
        {
            _bearersOfKey[_keyOfName[member.NameId]]++;
        }

        _allNames.Seal();
        _datelessNames.Seal();
    }

    internal IndexedMember this[int position] => _members[position];

    internal bool TryFindNik(long nik, out int position) => _byNik.TryGetValue(nik, out position);

    /// <summary>
    /// The member holding a KPJ. Only runs that replay review decisions ask, so the table is built
    /// on first use (thread-safe: rows are decided in parallel) instead of costing every run memory.
    /// </summary>
    internal bool TryFindKpj(string kpj, out int position) =>
        LazyInitializer.EnsureInitialized(ref _byKpj, BuildKpjTable).TryGetValue(kpj, out position);

    private Dictionary<string, int> BuildKpjTable()
    {
        var table = new Dictionary<string, int>(_members.Count, StringComparer.Ordinal);
        for (var i = 0; i < _members.Count; i++)
        {
            table.TryAdd(_members[i].Kpj, i);
        }

        return table;
    }

    /// <summary>Members with a birth date, by birth date and district; empty until <see cref="Seal"/>.</summary>
    internal BirthDateBlocks Dates { get; private set; } = BirthDateBlocks.Empty;

    /// <summary>Every member by district and name word: the search for a roster row without a birth date.</summary>
    internal NameBlocks AllNames => _allNames;

    /// <summary>Members without a birth date by district and name word, which the birth-date runs miss.</summary>
    internal NameBlocks DatelessNames => _datelessNames;

    internal FoldedName Name(int nameId) => _names[nameId];

    /// <summary>The id of a name's <see cref="FoldedName.Key"/> among the members' names, -1 when no member bears it.</summary>
    internal int KeyId(FoldedName name) => _keyIds.TryGetValue(name.Key, out var id) ? id : -1;

    /// <summary>How many members bear a name key (see <see cref="KeyId"/>); 0 for -1. Counted by <see cref="Seal"/>.</summary>
    internal int BearersOfKey(int keyId) => keyId >= 0 && keyId < _bearersOfKey.Length ? _bearersOfKey[keyId] : 0;

    /// <summary>How many members bear a member's name, its words in any order.</summary>
    internal int BearersOfName(int nameId) => BearersOfKey(_keyOfName[nameId]);

    /// <summary>A roster name's split form: the members' own when a member bears it, else a new one.</summary>
    internal FoldedName Split(string folded) =>
        _nameIds.TryGetValue(folded, out var id) ? _names[id] : new FoldedName(folded);

    /// <summary>The NIK as a number when it is 16 digits after repair (valid or not: area lists lag), else 0.</summary>
    /// <summary>
    /// The NIK rules' reading of a person's key; a foreign worker's registry key is taken as it is,
    /// with no area, birth date or sex (its digits hold none).
    /// </summary>
    internal static NikCheck CheckKey(NikValidator validator, string key, DateOnly today) =>
        ForeignIdentity.IsRegistryKey(key) ? NikCheck.ForeignKey(key, key) : validator.Check(key, today);

    internal static long NikNumber(NikCheck check) =>
        check.Normalized is { Length: 16 } digits && digits.All(char.IsAsciiDigit)
            ? long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture)
            : 0;

    /// <summary>
    /// <see cref="NikNumber"/> of the NIK as written, without a validation record: the common clean
    /// 16 digits are read in place, anything else goes through the spreadsheet repair.
    /// </summary>
    public static long NikKey(ReadOnlySpan<char> written)
    {
        if (written.Length == 16 && !written.ContainsAnyExceptInRange('0', '9'))
        {
            return long.Parse(written, NumberStyles.None, CultureInfo.InvariantCulture);
        }

        return NikRepair.Clean(written.ToString(), out var digits) == NikRepair.Outcome.Repaired
            && digits.Length == 16 && digits.All(char.IsAsciiDigit)
            ? long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture)
            : 0;
    }

    private string? Intern(string? district) =>
        district is null ? null : _districts.TryGetValue(district, out var known) ? known : _districts[district] = district;

    private int NameId(string folded)
    {
        if (!_nameIds.TryGetValue(folded, out var id))
        {
            _nameIds[folded] = id = _names.Count;
            var name = new FoldedName(folded);
            _names.Add(name);
            if (!_keyIds.TryGetValue(name.Key, out var key))
            {
                _keyIds[name.Key] = key = _keyIds.Count;
            }

            _keyOfName.Add(key);
        }

        return id;
    }

    /// <summary>A dotted district code (dd.dd.dd) as province·10000 + regency·100 + district; -1 for anything else.</summary>
    internal static int DistrictNumber(string? dotted)
    {
        if (dotted is not { Length: >= 8 } || dotted[2] != '.' || dotted[5] != '.'
            || !int.TryParse(dotted.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var province)
            || !int.TryParse(dotted.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var regency)
            || !int.TryParse(dotted.AsSpan(6, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var district))
        {
            return -1;
        }

        return (province * 10000) + (regency * 100) + district;
    }
}

/// <summary>One membership as matching needs it; no field the report does not use.</summary>
internal readonly record struct IndexedMember(
    string Kpj, long Nik, string Name, int BirthDay, Sex? Sex, string? District, bool Active, ProgramSet Programs, long Wage)
{
    public DateOnly? BirthDate => BirthDay < 0 ? null : DateOnly.FromDayNumber(BirthDay);

    /// <summary>Index into the index's table of distinct names.</summary>
    public int NameId { get; init; }

    /// <summary>The district as a number (see <see cref="MemberIndex.DistrictNumber"/>), -1 when unknown.</summary>
    public int DistrictNumber { get; init; } = -1;

    /// <summary>Sex as a small number, -1 when unknown: compared per candidate without boxing.</summary>
    public sbyte SexCode => Sex is { } sex ? (sbyte)sex : (sbyte)-1;
}
