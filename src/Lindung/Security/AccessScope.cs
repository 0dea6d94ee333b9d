using System.Globalization;
using System.Security.Claims;
using Lindung.Data;

namespace Lindung.Security;

/// <summary>
/// What one signed-in user may see, read from their claims once per request. Every query for
/// personal data goes through <see cref="ScopedQueries"/> with this scope: the rule lives where
/// the data is read, not in the pages that happen to hide a link. The scope fails closed: only
/// an explicit <see cref="WholeInstallation"/> reaches beyond the listed regions, so a user or key
/// with no region and no agency sees nothing.
/// </summary>
internal sealed record AccessScope(IReadOnlySet<string> Roles, IReadOnlyList<string> RegionCodes, Guid? AgencyId, string UserName, bool WholeInstallation = false)
{
    public static AccessScope Anonymous { get; } = new(new HashSet<string>(), [], null, string.Empty);

    /// <summary>
    /// The machine's operator at the command line (<c>lindung user add</c>): whoever can run the
    /// binary against the database already holds everything, so the verbs act as a
    /// whole-installation admin.
    /// </summary>
    public static AccessScope Operator { get; } = new(new HashSet<string> { LindungRoles.RegionalAdmin }, [], null, SystemAuditActor.SystemName, WholeInstallation: true);

    public static AccessScope From(ClaimsPrincipal user) => user is ScopedPrincipal scoped ? scoped.Scope : Read(user);

    /// <summary>The scope <paramref name="user"/>'s claims describe, read afresh.</summary>
    public static AccessScope Read(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return Anonymous;
        }

        var agency = user.FindFirstValue(LindungClaims.Agency);
        return new AccessScope(
            user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal),
            user.FindAll(LindungClaims.Region).Select(c => c.Value).ToList(),
            agency is null ? null : Guid.Parse(agency, CultureInfo.InvariantCulture),
            user.Identity.Name ?? string.Empty,
            user.HasClaim(LindungClaims.WholeInstallation, "true"));
    }

    public bool IsIn(string role) => Roles.Contains(role);

    /// <summary>Roles that work with whole registers of a region (all agencies, all employers).</summary>
    public bool SeesRegion => IsIn(LindungRoles.RegionalAdmin) || IsIn(LindungRoles.BranchOfficer);

    public bool OperatesAgency => IsIn(LindungRoles.AgencyOperator) && AgencyId is not null;

    /// <summary>A commitment officer (PPK) of one agency: its contracts only.</summary>
    public bool ProcuresForAgency => IsIn(LindungRoles.ProcurementOfficer) && AgencyId is not null;

    /// <summary>The regions this scope is limited to: null for the whole installation, else the list (empty = none).</summary>
    public IReadOnlyList<string>? RegionLimit => WholeInstallation ? null : RegionCodes;

    /// <summary>Whether a region code (or any code below it) lies inside this scope's regions.</summary>
    public bool Covers(string regionCode) =>
        WholeInstallation || RegionCodes.Any(r => regionCode.StartsWith(r, StringComparison.Ordinal));
}
