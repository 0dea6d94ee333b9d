using Lindung.Data;
using Lindung.Domain.Identifiers;

namespace Lindung.Security;

/// <summary>How much of a NIK a viewer sees.</summary>
internal enum NikView
{
    /// <summary>No NIK at all (aggregates only).</summary>
    None,

    /// <summary>Area digits and serial, <c>357701******0001</c>: the birth date and sex digits hidden.</summary>
    Masked,

    /// <summary>All 16 digits.</summary>
    Full,
}

/// <summary>
/// What one viewer may see of a person. Birth date and sex go only with a full NIK: beside a masked
/// NIK they would put back the six digits the mask hides (DDMMYY, women's day + 40).
/// </summary>
internal sealed record PersonalDataView(NikView Nik, bool Names, bool Kpj, bool Wages)
{
    public static PersonalDataView Nothing { get; } = new(NikView.None, Names: false, Kpj: false, Wages: false);

    public bool BirthDateAndSex => Nik == NikView.Full;

    /// <summary>Whether this viewer sees any worker at all, or only counts and sums.</summary>
    public bool AggregatesOnly => Nik == NikView.None && !Names && !Kpj && !Wages;

    /// <summary>The same viewer reading a list: lists mask NIKs for everyone (so birth date and sex leave too).</summary>
    public PersonalDataView InList => Nik == NikView.Full ? this with { Nik = NikView.Masked } : this;

    public string? ShowNik(string nik) => Nik switch
    {
        NikView.Full => nik,
        NikView.Masked => Domain.Identifiers.Nik.Mask(nik),
        _ => null,
    };

    /// <summary>A foreign worker's passport/KITAS number, shown as their NIK would be: whole, masked or not at all.</summary>
    public string? ShowDocument(string nationality, string document) => Nik switch
    {
        NikView.Full => document,
        NikView.Masked => new Domain.Identifiers.ForeignIdentity(nationality, document).MaskedDocument,
        _ => null,
    };

    public string? ShowName(string name) => Names ? name : null;

    public string? ShowKpj(string? kpj) => Kpj ? kpj : null;

    /// <summary>A worker's wage, and so anything priced on it alone (one worker's contribution).</summary>
    public long? ShowWage(long? wage) => Wages ? wage : null;

    public DateOnly? ShowBirthDate(DateOnly? birthDate) => BirthDateAndSex ? birthDate : null;

    public Sex? ShowSex(Sex? sex) => BirthDateAndSex ? sex : null;
}

/// <summary>
/// The one rule for which personal fields each role sees, applied by pages, APIs and exports alike
/// (docs/PRIVACY.md holds the same table). A user with several roles sees what the widest of them
/// allows; a role not listed sees nothing. Row scope (which workers) is <see cref="ScopedQueries"/>'s job;
/// this decides which of their fields.
/// </summary>
internal static class PersonalDataPolicy
{
    private static readonly PersonalDataView Administers = new(NikView.Full, Names: true, Kpj: true, Wages: true);

    public static IReadOnlyDictionary<string, PersonalDataView> ByRole { get; } = new Dictionary<string, PersonalDataView>(StringComparer.Ordinal)
    {
        [LindungRoles.RegionalAdmin] = Administers,
        [LindungRoles.BranchOfficer] = Administers,
        [LindungRoles.AgencyOperator] = Administers,

        // Leaders steer by counts and rupiah totals, as the dashboard shows them; auditors read the
        // trail, employers' officers employers.
        [LindungRoles.Leader] = PersonalDataView.Nothing,
        [LindungRoles.Auditor] = PersonalDataView.Nothing,
        [LindungRoles.LicensingOfficer] = PersonalDataView.Nothing,

        // A commitment officer names the contractor's workers by NIK and reads them back masked on
        // the contract; it opens no worker's record.
        [LindungRoles.ProcurementOfficer] = PersonalDataView.Nothing,

        // A sponsor reads the workers it funds or may adopt (its own page), a field officer the people it
        // captured in its villages: names and NIK masked, never wages or KPJ.
        [LindungRoles.Sponsor] = new(NikView.Masked, Names: true, Kpj: false, Wages: false),
        [LindungRoles.FieldOfficer] = new(NikView.Masked, Names: true, Kpj: false, Wages: false),

        // A state attorney reads the employers referred to it and their frozen evidence (counts), no worker.
        [LindungRoles.Prosecutor] = PersonalDataView.Nothing,
    };

    /// <summary>
    /// What a reader of the audit trail sees of the rows in an event's before/after (docs/PRIVACY.md,
    /// "The audit trail"): the trail tells what changed, not who it was about. The NIK is at least
    /// masked, so an auditor, who sees no worker anywhere else, can still follow one record's
    /// changes; everything else as the role sees it elsewhere. The page and the list API are lists
    /// (<paramref name="export"/> false: NIK masked for everyone, so no birth date or sex); the export
    /// carries the full NIK only for roles that see it on a worker's page.
    /// </summary>
    public static PersonalDataView ForAuditTrail(AccessScope scope, bool export)
    {
        var view = export ? For(scope) : For(scope).InList;
        return view.Nik == NikView.None ? view with { Nik = NikView.Masked } : view;
    }

    public static PersonalDataView For(AccessScope scope) =>
        scope.Roles
            .Select(r => ByRole.GetValueOrDefault(r, PersonalDataView.Nothing))
            .Aggregate(PersonalDataView.Nothing, Widest);

    private static PersonalDataView Widest(PersonalDataView a, PersonalDataView b) =>
        new((NikView)Math.Max((int)a.Nik, (int)b.Nik), a.Names || b.Names, a.Kpj || b.Kpj, a.Wages || b.Wages);
}
