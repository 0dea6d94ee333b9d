using Lindung.Security;

namespace Lindung.Features.Imports;

/// <summary>
/// Which registered workers an import may update: those who have or had a job at one of
/// <see cref="Agencies"/>, or who are employed or live in one of <see cref="Regions"/> (Kemendagri
/// prefixes), the rule <see cref="ScopedQueries.WorkersFor"/> reads by. A person not yet registered
/// may always be created. A row naming anyone else is rejected, never merged: otherwise an operator
/// could rewrite (and then read) a stranger's record by putting their NIK on a roster.
/// </summary>
internal sealed record ImportWriteScope(bool Unrestricted, IReadOnlyList<Guid> Agencies, IReadOnlyList<string> Regions)
{
    /// <summary>The installation's operator (the CLI): every worker may be updated.</summary>
    public static ImportWriteScope Installation { get; } = new(Unrestricted: true, [], []);

    /// <summary>
    /// The scope of an uploader (a user or an API key). <paramref name="unitsOf"/> gives an agency
    /// with the units under it: an operator's roster covers the units, so their staff are the
    /// operator's to update even though <see cref="ScopedQueries.WorkersFor"/> lists only the agency's own.
    /// </summary>
    public static ImportWriteScope Of(AccessScope scope, Func<Guid, IReadOnlyList<Guid>> unitsOf)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(unitsOf);
        if (scope.SeesRegion)
        {
            // Only the explicit whole-installation flag reaches every worker; no regions means none (scopes fail closed).
            return scope.WholeInstallation
                ? Installation
                : new ImportWriteScope(Unrestricted: false, [], [.. scope.RegionCodes.Distinct(StringComparer.Ordinal)]);
        }

        // Anyone else sees no worker, so may update none (they can still add new people, if a policy lets them import at all).
        return scope.OperatesAgency
            ? new ImportWriteScope(Unrestricted: false, unitsOf(scope.AgencyId!.Value), [])
            : new ImportWriteScope(Unrestricted: false, [], []);
    }
}
