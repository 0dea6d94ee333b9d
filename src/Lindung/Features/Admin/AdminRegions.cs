using Lindung.Domain.Areas;
using Lindung.Security;

namespace Lindung.Features.Admin;

/// <summary>Region codes typed into admin forms: a known Kemendagri code of a regency/city or below, inside the admin's own regions.</summary>
internal static class AdminRegions
{
    /// <returns>The dotted code, or null with the ui-text key of the reason.</returns>
    public static string? Validate(string? input, AccessScope scope, out string? errorKey)
    {
        var dotted = AreaCode.Normalize(input);
        if (dotted is null || !AreaDirectory.Embedded.Exists(dotted) || AreaCode.LevelOf(dotted) < AreaLevel.Regency)
        {
            errorKey = "admin.error.region";
            return null;
        }

        if (!scope.Covers(dotted))
        {
            errorKey = "admin.error.region-scope";
            return null;
        }

        errorKey = null;
        return dotted;
    }
}
