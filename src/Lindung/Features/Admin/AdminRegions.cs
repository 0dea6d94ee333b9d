using Lindung.Domain.Validation;
using Lindung.Features.Api;
using Lindung.Security;

namespace Lindung.Features.Admin;

/// <summary>
/// Region codes typed into admin forms, read by the same rule as the API (<see cref="Fields.Region"/>: a
/// known Kemendagri code of a regency/city or below, inside the admin's own regions), with the reason as
/// the ui-text key the form shows.
/// </summary>
internal static class AdminRegions
{
    /// <returns>The dotted code, or null with the ui-text key of the reason.</returns>
    public static string? Validate(string? input, AccessScope scope, out string? errorKey)
    {
        var errors = new Dictionary<string, ValidationError>();
        var dotted = Fields.Region(input, scope, inScope: true, "region", errors);
        errorKey = errors.TryGetValue("region", out var error)
            ? error.Code == Fields.RegionOutOfScope.Code ? "admin.error.region-scope" : "admin.error.region"
            : null;
        return dotted;
    }
}
