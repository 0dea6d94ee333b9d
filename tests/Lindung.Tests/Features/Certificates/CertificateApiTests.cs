using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Certificates;
using Lindung.Tests.Features.Api;
using Lindung.Tests.Features.Licensing;
using Lindung.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lindung.Tests.Features.Certificates;

/// <summary>
/// Compliance certificates on both databases: issued for a PATUH firm and refused by name for one
/// that is not, refused to a user of another region, revoked with a reason (audited), and checked
/// on the public page without sign-in, which shows the firm and never a worker.
/// </summary>
public sealed class CertificateApiTests
{
    private const string CompliantNpp = "11111111";
    private const string MissingWorkersNpp = "22222222";

    [Theory]
    [MemberData(nameof(ApiWorld.Providers), MemberType = typeof(ApiWorld))]
    public async Task Certificates_are_issued_for_PATUH_firms_only_and_revocation_shows_publicly(string provider)
    {
        await using var world = await ApiWorld.StartAsync(provider);
        await LicenceCheckTests.SeedAsync(world);
        var (clerk, _) = await world.KeyClientAsync(LindungRoles.LicensingOfficer);
        using (clerk)
        {
            using var issued = await clerk.PostAsJsonAsync(new Uri("/api/v1/compliance/certificates", UriKind.Relative), new { identifier = CompliantNpp });
            Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
            using var body = JsonDocument.Parse(await issued.Content.ReadAsStringAsync());
            var certificate = body.RootElement;
            var id = certificate.GetProperty("id").GetString()!;
            var token = certificate.GetProperty("token").GetString()!;
            Assert.Equal("PT Patuh Selalu", certificate.GetProperty("employer_name").GetString());
            Assert.EndsWith("/verifikasi/" + token, certificate.GetProperty("verify_url").GetString(), StringComparison.Ordinal);

            // The token verifies against the published JWKS, fetched anonymously.
            using var anonymous = await world.ClientAsync(ApiWorld.Anonymous);
            var jwks = JwkSet.Parse(await anonymous.GetStringAsync(new Uri("/.well-known/jwks.json", UriKind.Relative)))!;
            var check = ComplianceToken.Verify(token, jwks.Lookup(), DateTimeOffset.UtcNow);
            Assert.True(check.IsValid);
            Assert.Equal(id, check.Claims!.Id);
            Assert.True((check.Claims.ValidUntil - DateTimeOffset.UtcNow).TotalDays is > 29.9 and <= 30);

            using var refused = await clerk.PostAsJsonAsync(new Uri("/api/v1/compliance/certificates", UriKind.Relative), new { identifier = MissingWorkersNpp });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("EMPLOYER_NOT_COMPLIANT", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            using var pdf = await clerk.GetAsync(new Uri($"/api/v1/compliance/certificates/{id}?format=pdf", UriKind.Relative));
            Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
            var bytes = await pdf.Content.ReadAsByteArrayAsync();
            using (var document = UglyToad.PdfPig.PdfDocument.Open(bytes))
            {
                var text = string.Concat(document.GetPages().Select(p => p.Text));
                Assert.Contains("SURAT KETERANGAN KEPATUHAN", text, StringComparison.Ordinal);
                Assert.Contains("PT Patuh Selalu", text, StringComparison.Ordinal);
            }

            var page = await Pages.HtmlAsync(anonymous, "/verifikasi/" + token);
            Assert.Contains("data-status=\"VALID\"", page, StringComparison.Ordinal);
            Assert.Contains("PT Patuh Selalu", page, StringComparison.Ordinal);
            Assert.DoesNotContain("Pekerja Uji", page, StringComparison.Ordinal);
            Assert.DoesNotContain("3577", page, StringComparison.Ordinal);

            using var noReason = await clerk.PostAsJsonAsync(new Uri($"/api/v1/compliance/certificates/{id}/revoke", UriKind.Relative), new { reason = "" });
            Assert.Contains("REVOKE_REASON_REQUIRED", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            using var revoked = await clerk.PostAsJsonAsync(new Uri($"/api/v1/compliance/certificates/{id}/revoke", UriKind.Relative), new { reason = "Tunggakan iuran" });
            Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);

            Assert.Contains("data-status=\"REVOKED\"", await Pages.HtmlAsync(anonymous, "/verifikasi/" + token), StringComparison.Ordinal);
            Assert.Contains("data-status=\"FORGED\"", await Pages.HtmlAsync(anonymous, "/verifikasi/" + token[..^2] + "AA"), StringComparison.Ordinal);
            Assert.Contains("data-status=\"FORGED\"", await Pages.HtmlAsync(anonymous, "/verifikasi/not-a-token"), StringComparison.Ordinal);

            await using var scope = world.App.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
            var actions = await db.AuditEvents.Where(e => e.EntityType == nameof(ComplianceCertificate) && e.EntityKey == id)
                .Select(e => e.Action).ToListAsync();
            Assert.Equal([AuditAction.Create, AuditAction.Update], actions.Order());
        }

        var (elsewhere, _) = await world.KeyClientAsync(LindungRoles.LicensingOfficer, region: ApiWorld.OtherRegion);
        using (elsewhere)
        {
            using var refused = await elsewhere.PostAsJsonAsync(new Uri("/api/v1/compliance/certificates", UriKind.Relative), new { identifier = CompliantNpp });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("EMPLOYER_NOT_FOUND", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }
}
