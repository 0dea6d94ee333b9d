using Lindung.Data;
using Lindung.Features.Api;
using Lindung.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Certificates;

/// <summary>What a caller sends to issue a certificate: the employer's NPP, NIB or NPWP.</summary>
internal sealed record IssueCertificateRequest(string? Identifier);

/// <summary>What a caller sends to revoke one: the reason.</summary>
internal sealed record RevokeCertificateRequest(string? Reason);

/// <summary><c>/api/v1/compliance/certificates</c>: issue, read (JSON or PDF) and revoke compliance certificates.</summary>
internal static class CertificatesApi
{
    public static IEndpointRouteBuilder MapCertificatesApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/compliance/certificates").WithTags("Compliance").RequireAuthorization(Policies.Employers);
        group.MapPost("/", IssueAsync)
            .WithName("IssueComplianceCertificate")
            .WithSummary("Issues a Surat Keterangan Kepatuhan for a PATUH employer in the caller's regions; EMPLOYER_NOT_COMPLIANT otherwise.");
        group.MapGet("/{id:guid}", GetAsync)
            .WithName("GetComplianceCertificate")
            .WithSummary("A certificate with its token and verify URL; ?format=pdf answers the PDF with its QR code.");
        group.MapPost("/{id:guid}/revoke", RevokeAsync)
            .WithName("RevokeComplianceCertificate")
            .WithSummary("Revokes a certificate with a reason; the public verify page shows it as revoked.");
        return api;
    }

    public static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";

    /// <summary>The PDF of a certificate; pages link to it, as the endpoint also takes the sign-in cookie.</summary>
    public static string PdfPath(Guid id) => $"{ApiSetup.Prefix}/compliance/certificates/{id}?format=pdf";

    private static async Task<Results<Created<CertificateDto>, ValidationProblem>> IssueAsync(
        HttpContext http, IssueCertificate issue, IssueCertificateRequest request, CancellationToken ct)
    {
        var result = await issue.HandleAsync(request.Identifier, AccessScope.From(http.User), BaseUrl(http.Request), ct);
        return result.Succeeded
            ? TypedResults.Created($"{ApiSetup.Prefix}/compliance/certificates/{result.Value.Id}", result.Value)
            : ApiLanguage.Problem(http, result.Errors, IssueCertificate.IdentifierField);
    }

    private static async Task<Results<Ok<CertificateDto>, FileContentHttpResult, NotFound>> GetAsync(
        HttpContext http, LindungDbContext db, CertificateOptions options, Guid id, string? format, CancellationToken ct)
    {
        var row = await db.ComplianceCertificates.InRegions(AccessScope.From(http.User)).AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (row is null)
        {
            return TypedResults.NotFound();
        }

        var dto = CertificateDto.From(row, options.PublicBaseUrl ?? BaseUrl(http.Request));
        return string.Equals(format, "pdf", StringComparison.OrdinalIgnoreCase)
            ? TypedResults.File(CertificatePdf.Render(dto), "application/pdf", CertificatePdf.FileName(dto))
            : TypedResults.Ok(dto);
    }

    private static async Task<Results<Ok<CertificateDto>, NotFound, ValidationProblem>> RevokeAsync(
        HttpContext http, RevokeCertificate revoke, Guid id, RevokeCertificateRequest request, CancellationToken ct)
    {
        var result = await revoke.HandleAsync(id, request.Reason, AccessScope.From(http.User), BaseUrl(http.Request), ct);
        if (result.Succeeded)
        {
            return TypedResults.Ok(result.Value);
        }

        return result.Errors[0] == RevokeCertificate.NotFound
            ? TypedResults.NotFound()
            : ApiLanguage.Problem(http, result.Errors, RevokeCertificate.ReasonField);
    }
}
