using Lindung.Data;
using Lindung.Security;

namespace Lindung.Features.Dashboard;

/// <summary>
/// Which aggregates a caller may read: all regions (<see cref="Regions"/> null), some regions, or
/// one agency only (an agency operator sees their agency's page, not the region's).
/// </summary>
internal sealed record ReportScope(IReadOnlyList<string>? Regions, Guid? OnlyAgency)
{
    /// <summary>The command line runs as the installation's operator: everything.</summary>
    public static ReportScope Everything { get; } = new(null, null);

    public bool SeesRegions => OnlyAgency is null;

    public static ReportScope From(AccessScope scope)
    {
        if (scope.IsIn(LindungRoles.RegionalAdmin) || scope.IsIn(LindungRoles.Leader) || scope.IsIn(LindungRoles.BranchOfficer))
        {
            // Without the whole-installation scope and without regions, nothing, as in ScopedQueries.
            return new ReportScope(scope.RegionLimit, null);
        }

        return scope.OperatesAgency ? new ReportScope([], scope.AgencyId) : new ReportScope([], Guid.Empty);
    }

    /// <summary>Whether <paramref name="code"/> lies inside what this scope may see.</summary>
    public bool Allows(string code) =>
        Regions is null || Regions.Any(r => code.StartsWith(r, StringComparison.Ordinal));
}
