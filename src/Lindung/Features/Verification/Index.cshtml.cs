using Lindung.Features.Certificates;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lindung.Features.Verification;

/// <summary>
/// The public page a certificate's QR code opens: no sign-in, the verdict (valid, expired, revoked,
/// forged) and the employer's name, identifiers and status only — never a worker.
/// </summary>
[AllowAnonymous]
internal sealed class IndexModel(VerifyCertificate verify) : PageModel
{
    public CertificateVerification Result { get; private set; } = null!;

    public async Task OnGetAsync(string? token, CancellationToken ct)
    {
        Result = await verify.HandleAsync(token, ct);
        Response.Headers.CacheControl = "no-store";
    }

    public static string Badge(string status) => status switch
    {
        "VALID" => "ok",
        "EXPIRED" => "warn",
        _ => "danger",
    };
}
