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
            // A branch officer without regions sees nothing, as in ScopedQueries.
            var unrestricted = scope.RegionCodes.Count == 0 && !scope.IsIn(LindungRoles.BranchOfficer);
            return new ReportScope(unrestricted ? null : scope.RegionCodes, null);
        }

        return scope.OperatesAgency ? new ReportScope([], scope.AgencyId) : new ReportScope([], Guid.Empty);
    }

    /// <summary>Whether <paramref name="code"/> lies inside what this scope may see.</summary>
    public bool Allows(string code) =>
        Regions is null || Regions.Any(r => code.StartsWith(r, StringComparison.Ordinal));
}
