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

    public static IReadOnlyList<string> All { get; } =
        [RegionalAdmin, AgencyOperator, BranchOfficer, LicensingOfficer, Sponsor, Leader, Auditor];
}
