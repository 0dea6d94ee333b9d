namespace Lindung.Data;

/// <summary>The roles of DOMAIN part A. Stored as Identity roles, seeded by the migrations.</summary>
internal static class LindungRoles
{
    public const string RegionalAdmin = nameof(RegionalAdmin);
    public const string AgencyOperator = nameof(AgencyOperator);
    public const string BranchOfficer = nameof(BranchOfficer);
    public const string LicensingOfficer = nameof(LicensingOfficer);
    public const string Sponsor = nameof(Sponsor);
    public const string Leader = nameof(Leader);
    public const string Auditor = nameof(Auditor);

    /// <summary>An agency's commitment officer (Pejabat Pembuat Komitmen): its contracts and their payment gate.</summary>
    public const string ProcurementOfficer = nameof(ProcurementOfficer);

    /// <summary>
    /// A field officer going house to house in its villages (its regions are village codes): captures
    /// workers on a phone, offline if need be, and follows them up as leads.
    /// </summary>
    public const string FieldOfficer = nameof(FieldOfficer);

    /// <summary>
    /// A state attorney (Jaksa Pengacara Negara) of a Kejaksaan Negeri, whose regions are the regencies
    /// it serves: sees the enforcement cases referred to it, records its actions and amounts recovered.
    /// </summary>
    public const string Prosecutor = nameof(Prosecutor);

    /// <summary>
    /// Another social-protection system asking "already enrolled?" (DCI search). Held by API keys
    /// only, never by a person, so it is not an Identity role: <see cref="All"/> leaves it out.
    /// </summary>
    public const string InteropClient = nameof(InteropClient);

    public static IReadOnlyList<string> All { get; } =
        [RegionalAdmin, AgencyOperator, BranchOfficer, LicensingOfficer, Sponsor, Leader, Auditor, ProcurementOfficer, FieldOfficer, Prosecutor];

    /// <summary>The roles an API key may carry.</summary>
    public static IReadOnlyList<string> ForApiKeys { get; } = [.. All, InteropClient];
}
