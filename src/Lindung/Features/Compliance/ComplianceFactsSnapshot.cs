using System.Linq.Expressions;
using Lindung.Data.Entities;
using Lindung.Domain.Compliance;
using Lindung.Domain.Contributions;
using Lindung.Domain.Rosters;

namespace Lindung.Features.Compliance;

/// <summary>Active PU members of one NPP with one program set from one extract: how many, and their latest paid month.</summary>
internal sealed record MemberGroup(string Npp, ProgramSet Programs, Guid? SourceExtractId, int Count, DateOnly? LastPaid);

/// <summary>An employer's known workers, those not enrolled under its NPP, and members reporting less than the job's wage.</summary>
internal sealed record KnownWorkerCounts(Guid EmployerId, int Known, int NotEnrolled, int WageBelow);

/// <summary>An open case at TMP2T or beyond, and the employer it is against.</summary>
internal sealed record EmployerSanction(Guid EmployerId, ActiveSanction Sanction);

/// <summary>
/// The facts of every employer one scope counts, on one day, read at one database version by
/// <see cref="CheckEmployerCompliance.ReadAllAsync"/>: a check is then a few dictionary lookups.
/// <see cref="Compose"/> turns the pieces into <see cref="EmployerFacts"/> for a single check and for
/// the snapshot alike, so both answer the same. Where several employers share an identifier the
/// first in the order of <c>FindByIdentifierAsync</c> answers (an NPP before none, then by name,
/// compared ordinally here).
/// </summary>
internal sealed class ComplianceFactsSnapshot
{
    private readonly Dictionary<(EmployerIdentifierKind Kind, string Value), Row> _employers = [];
    private readonly Dictionary<string, List<MemberGroup>> _groups;
    private readonly IReadOnlyDictionary<Guid, DateTime> _extracts;
    private readonly Dictionary<Guid, KnownWorkerCounts> _known;
    private readonly Dictionary<Guid, ActiveSanction> _sanctions = [];

    public ComplianceFactsSnapshot(
        DateOnly today, IEnumerable<Row> employers, IEnumerable<MemberGroup> groups, IReadOnlyDictionary<Guid, DateTime> extracts,
        IEnumerable<KnownWorkerCounts> known, IEnumerable<EmployerSanction> sanctions)
    {
        Today = today;
        var rows = employers.ToList();
        Employers = rows.Count;
        Rows = rows;
        foreach (var employer in rows.OrderBy(e => e.Npp is null).ThenBy(e => e.Name, StringComparer.Ordinal).ThenBy(e => e.Id))
        {
            Index(EmployerIdentifierKind.Npp, employer.Npp, employer);
            Index(EmployerIdentifierKind.Nib, employer.Nib, employer);
            Index(EmployerIdentifierKind.Npwp, employer.Npwp, employer);
        }

        _groups = groups.GroupBy(g => g.Npp, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        _extracts = extracts;
        _known = known.ToDictionary(k => k.EmployerId);
        foreach (var sanction in sanctions)
        {
            _sanctions.TryAdd(sanction.EmployerId, sanction.Sanction);
        }
    }

    public DateOnly Today { get; }

    /// <summary>How many employers the scope shows.</summary>
    public int Employers { get; private init; }

    /// <summary>Every employer the scope shows.</summary>
    public IReadOnlyList<Row> Rows { get; }

    /// <summary>The facts of one employer of <see cref="Rows"/>, as a check by its NPP (else NIB, else NPWP) reads them.</summary>
    public EmployerFacts FactsOf(Row employer)
    {
        ArgumentNullException.ThrowIfNull(employer);
        var groups = employer.Npp is not null && _groups.TryGetValue(employer.Npp, out var list) ? list : [];
        var known = _known.TryGetValue(employer.Id, out var counts) ? counts : null;
        var sanction = _sanctions.TryGetValue(employer.Id, out var active) ? active : null;
        return Compose(employer.Npp, employer, groups, _extracts, known, sanction);
    }

    /// <summary>The employer an identifier finds (NPWP in either stored form) and its facts.</summary>
    public (Row? Employer, EmployerFacts Facts) Find(EmployerIdentifier identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        Row? employer = null;
        IEnumerable<string> forms = identifier.Kind == EmployerIdentifierKind.Npwp ? identifier.NpwpForms() : [identifier.Value];
        foreach (var form in forms)
        {
            if (_employers.TryGetValue((identifier.Kind, form), out var found) && (employer is null || Before(found, employer)))
            {
                employer = found;
            }
        }

        var npp = NppOf(identifier, employer);
        var groups = npp is not null && _groups.TryGetValue(npp, out var list) ? list : [];
        var known = employer is not null && _known.TryGetValue(employer.Id, out var counts) ? counts : null;
        var sanction = employer is not null && _sanctions.TryGetValue(employer.Id, out var active) ? active : null;
        return (employer, Compose(npp, employer, groups, _extracts, known, sanction));
    }

    /// <summary>The NPP whose members count: the employer's, or the identifier itself when it is an NPP the registry has no employer for.</summary>
    public static string? NppOf(EmployerIdentifier identifier, Row? employer) =>
        employer is not null ? employer.Npp : identifier.Kind == EmployerIdentifierKind.Npp ? identifier.Value : null;

    /// <summary>The facts <see cref="ComplianceRules"/> judges, from the pieces read for one employer or for all.</summary>
    public static EmployerFacts Compose(
        string? npp, Row? employer, IReadOnlyCollection<MemberGroup> groups, IReadOnlyDictionary<Guid, DateTime> extracts,
        KnownWorkerCounts? known, ActiveSanction? sanction)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(extracts);
        var size = employer?.Size;
        var required = ComplianceRules.RequiredProgramSet(size);
        var extract = groups.Where(g => g.SourceExtractId is { } id && extracts.ContainsKey(id))
            .Select(g => (Id: g.SourceExtractId!.Value, LoadedAt: extracts[g.SourceExtractId!.Value]))
            .OrderByDescending(x => x.LoadedAt).ThenBy(x => x.Id).FirstOrDefault();
        var facts = new EmployerFacts
        {
            Npp = npp,
            Size = size,
            ActiveMembers = groups.Sum(g => g.Count),
            MembersMissingPrograms = groups.Where(g => (g.Programs & required) != required).Sum(g => g.Count),
            LastPaidMonth = groups.Count == 0 ? null : groups.Max(g => g.LastPaid),
            ExtractId = extract.Id == Guid.Empty ? null : extract.Id,
            ExtractDate = extract.Id == Guid.Empty ? null : DateOnly.FromDateTime(extract.LoadedAt),
        };
        if (employer is null)
        {
            return facts;
        }

        return facts with
        {
            KnownWorkers = known?.Known ?? 0,
            KnownWorkersNotEnrolled = known?.NotEnrolled ?? 0,
            MembersWageBelowPayroll = known?.WageBelow ?? 0,
            Sanction = sanction,
        };
    }

    private static bool Before(Row a, Row b)
    {
        var byNpp = (a.Npp is null).CompareTo(b.Npp is null);
        if (byNpp != 0)
        {
            return byNpp < 0;
        }

        var byName = string.CompareOrdinal(a.Name, b.Name);
        return byName != 0 ? byName < 0 : a.Id.CompareTo(b.Id) < 0;
    }

    private void Index(EmployerIdentifierKind kind, string? value, Row employer)
    {
        if (value is not null)
        {
            _employers.TryAdd((kind, value), employer);
        }
    }

    /// <summary>What a compliance answer needs of an employer: identity, region and size.</summary>
    internal sealed record Row(Guid Id, string Name, string? Npp, string? Nib, string? Npwp, string RegionCode, BusinessSize? Size)
    {
        /// <summary>The columns a check reads, as a query projection: reading every employer of a scope loads nothing else.</summary>
        public static readonly Expression<Func<Employer, Row>> Projection =
            e => new Row(e.Id, e.Name, e.Npp, e.Nib, e.Npwp, e.RegionCode, e.BusinessSize);

        private static readonly Func<Employer, Row> Project = Projection.Compile();

        public static Row Of(Employer employer)
        {
            ArgumentNullException.ThrowIfNull(employer);
            return Project(employer);
        }
    }
}
