using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lindung.Features.Errors;

/// <summary>
/// The page a browser gets instead of an empty error response: a 404, 403, 500 or any other status
/// in the reader's language, with a way back. The status middleware re-executes it with the failed
/// request's method, so it has no handler and binds nothing: a POST whose anti-forgery token failed
/// must render this page, not fail again reading its form.
/// </summary>
[IgnoreAntiforgeryToken]
internal sealed class StatusModel : PageModel
{
    public int Code => RouteData.Values["code"] is string text && int.TryParse(text, CultureInfo.InvariantCulture, out var code) && code is >= 400 and <= 599
        ? code
        : StatusCodes.Status404NotFound;

    /// <summary>The text-key family for this status: 403, 404 and 500 have their own words, the rest share one.</summary>
    public string Kind => Code switch
    {
        403 or 404 => Code.ToString(CultureInfo.InvariantCulture),
        >= 500 => "500",
        _ => "other",
    };

    public string RequestId => HttpContext.TraceIdentifier;
}
