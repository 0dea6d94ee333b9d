using Lindung.Domain.Areas;
using Lindung.Domain.Validation;
using Lindung.Security;

namespace Lindung.Features.Api;

/// <summary>Checks shared by the API's write requests; each adds at most one error per field.</summary>
internal static class Fields
{
    public static readonly ValidationError Required = new("required", "Wajib diisi.", "Required.");
    public static readonly ValidationError TooLong = new("too_long", "Terlalu panjang.", "Too long.");
    public static readonly ValidationError RegionUnknown = new(
        "region_unknown", "Kode wilayah Kemendagri tidak dikenal (minimal kabupaten/kota).", "Unknown Kemendagri region code (at least regency/city).");
    public static readonly ValidationError RegionOutOfScope = new("region_out_of_scope", "Wilayah di luar cakupan Anda.", "The region is outside your scope.");

    /// <summary>The trimmed text, or null with an error when it is missing or longer than <paramref name="max"/>.</summary>
    public static string? Text(string? value, int max, string field, Dictionary<string, ValidationError> errors, bool required = true)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            if (required)
            {
                errors[field] = Required;
            }

            return null;
        }

        if (trimmed.Length > max)
        {
            errors[field] = TooLong;
            return null;
        }

        return trimmed;
    }

    /// <summary>
    /// A known Kemendagri code of at least regency level, dotted. With <paramref name="inScope"/>, it
    /// must also lie inside a restricted caller's regions, so the row stays visible to its writer.
    /// </summary>
    public static string? Region(string? value, AccessScope scope, bool inScope, string field, Dictionary<string, ValidationError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = Required;
            return null;
        }

        if (AreaCode.Normalize(value) is not { Length: >= 5 } dotted || !AreaDirectory.Embedded.Exists(dotted))
        {
            errors[field] = RegionUnknown;
            return null;
        }

        if (inScope && !scope.Covers(dotted))
        {
            errors[field] = RegionOutOfScope;
            return null;
        }

        return dotted;
    }
}
