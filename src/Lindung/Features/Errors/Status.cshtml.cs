using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lindung.Features.Errors;

/// <summary>
/// The page a browser gets instead of an empty error response: a 404, 403, 500 or any other status
/// in the reader's language, with a way back. Re-executed by the status-code and exception
/// middleware for any method, so POST renders it too (a failed form post must not end in a blank page).
/// </summary>
[IgnoreAntiforgeryToken]
internal sealed class StatusModel : PageModel
{
    public int Code { get; private set; }

    /// <summary>The text-key family for this status: 403, 404 and 500 have their own words, the rest share one.</summary>
    public string Kind => Code switch
    {
        403 or 404 => Code.ToString(System.Globalization.CultureInfo.InvariantCulture),
        >= 500 => "500",
        _ => "other",
    };

    public string RequestId => HttpContext.TraceIdentifier;

    public void OnGet(int code) => Show(code);

    public void OnPost(int code) => Show(code);

    private void Show(int code)
    {
        Code = code is >= 400 and <= 599 ? code : 404;
        Response.StatusCode = Code;
    }
}
