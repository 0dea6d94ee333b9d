using System.Globalization;
using Lindung.Domain.Areas;
using Lindung.Domain.Identifiers;
using Lindung.Features.Villages;
using Lindung.Localization;
using Lindung.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lindung.Features.Field;

/// <summary>
/// The phone page a field officer carries house to house: it records a household's workers, checks each
/// NIK on the device with the server's rules, keeps what it captured in the phone's storage while there
/// is no signal and sends it when the phone is back online. Installable (manifest and service worker).
/// </summary>
[Authorize(Policy = Policies.FieldCapture)]
internal sealed class CaptureModel : PageModel
{
    /// <summary>The officer's villages to choose from; empty when the scope is wider (an admin types the code).</summary>
    public IReadOnlyList<Area> Villages { get; private set; } = [];

    /// <summary>The NIK messages in the user's language, for the check on the device.</summary>
    public IReadOnlyDictionary<string, string> NikMessages { get; private set; } = new Dictionary<string, string>();

    public void OnGet()
    {
        var scope = AccessScope.From(User);
        var areas = AreaDirectory.Embedded;
        Villages = [.. scope.RegionCodes.Where(VillageAccess.IsVillage).Select(c => areas.Find(c)!).OrderBy(a => a.Name)];
        var english = Languages.IsEnglish(CultureInfo.CurrentUICulture);
        NikMessages = new Dictionary<string, string>
        {
            ["chars"] = NikErrors.InvalidCharacters.Message(english),
            ["length"] = NikErrors.Length.Message(english),
            ["district"] = NikErrors.DistrictUnknown.Message(english),
            ["birth"] = NikErrors.BirthDateInvalid.Message(english),
            ["serial"] = NikErrors.SerialZero.Message(english),
        };
    }

    /// <summary>Every district code a NIK may carry (as issued, so with the codes retired by later splits), for the check on the device.</summary>
    public IActionResult OnGetDistricts()
    {
        var areas = AreaDirectory.Embedded;
        var districts = areas.Provinces.SelectMany(p => areas.Children(p.Code)).SelectMany(r => areas.Children(r.Code))
            .Select(d => d.Code.Replace(".", string.Empty, StringComparison.Ordinal)).ToList();
        var retired = RetiredAreaCodes.Regencies.ToDictionary(
            r => r.Key.Replace(".", string.Empty, StringComparison.Ordinal), r => r.Value.Replace(".", string.Empty, StringComparison.Ordinal));
        Response.Headers.CacheControl = "public, max-age=86400";
        return new JsonResult(new { districts, retired });
    }
}
