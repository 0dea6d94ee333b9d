using System.Net;
using Lindung.Data;
using Lindung.Tests.Features.Api;
using Lindung.Tests.Features.Licensing;
using Lindung.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lindung.Tests.Features.Certificates;

/// <summary>
/// The clerk's certificate path on the pages, on both databases: the licensing page offers a
/// certificate only after an IZINKAN for a PATUH firm, names the use case's refusal for a forged
/// post, and links a PDF the signed-in clerk can open; the employer page lists the certificates
/// and revokes one only with a reason and only from its own employer.
/// </summary>
public sealed class CertificatePagesTests
{
    private const string CompliantNpp = "11111111";
    private const string MissingWorkersNpp = "22222222";
    private const string LowWageNib = "9120003333333";
    private const string MicroNpp = "44444444";
    private const string IssueButton = "Terbitkan surat keterangan kepatuhan";

    [Theory]
    [MemberData(nameof(ApiWorld.Providers), MemberType = typeof(ApiWorld))]
    public async Task The_licensing_page_offers_a_certificate_only_for_a_granted_PATUH_firm(string provider)
    {
        await using var world = await ApiWorld.StartAsync(provider);
        await LicenceCheckTests.SeedAsync(world);
        using var clerk = await world.ClientAsync(LindungRoles.LicensingOfficer);

        // TINJAU for low wages, and IZINKAN for a micro firm that is exempt but not PATUH: no button either way.
        var review = await CheckAsync(clerk, "PBG", LowWageNib, "PBG-1");
        Assert.Contains("data-outcome=\"TINJAU\"", review, StringComparison.Ordinal);
        Assert.DoesNotContain(IssueButton, review, StringComparison.Ordinal);
        var exempt = await CheckAsync(clerk, "PB_UMKU", MicroNpp, "NIB-2");
        Assert.Contains("data-outcome=\"IZINKAN\"", exempt, StringComparison.Ordinal);
        Assert.Contains("data-code=\"EXEMPT_MICRO\"", exempt, StringComparison.Ordinal);
        Assert.DoesNotContain(IssueButton, exempt, StringComparison.Ordinal);

        var granted = await CheckAsync(clerk, "PBG", CompliantNpp, "PBG-3");
        Assert.Contains("data-outcome=\"IZINKAN\"", granted, StringComparison.Ordinal);
        Assert.Contains(IssueButton, granted, StringComparison.Ordinal);
        Assert.Contains("action=\"/licensing?handler=Issue\"", granted, StringComparison.Ordinal);

        // A forged post for the firm with unregistered workers is refused by the use case, by name.
        using (var forged = await Pages.PostFormAsync(clerk, "/licensing?handler=Issue", new Dictionary<string, string> { ["Input.Identifier"] = MissingWorkersNpp }))
        {
            var html = await forged.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
            Assert.Contains("Surat keterangan hanya diterbitkan untuk pemberi kerja berstatus PATUH.", html, StringComparison.Ordinal);
            Assert.DoesNotContain("data-certificate=", html, StringComparison.Ordinal);
        }

        // Without the anti-forgery token nothing is issued.
        using (var noToken = await clerk.PostAsync(
            new Uri("/licensing?handler=Issue", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Identifier"] = CompliantNpp })))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        }

        Assert.Equal(0, await CountCertificatesAsync(world));

        using var issued = await Pages.PostFormAsync(clerk, "/licensing?handler=Issue", new Dictionary<string, string> { ["Input.Identifier"] = CompliantNpp });
        var page = await issued.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        var certificate = await SingleCertificateAsync(world);
        Assert.Contains($"data-certificate=\"{certificate.Id}\"", page, StringComparison.Ordinal);
        Assert.Contains($"/verifikasi/{certificate.Token}", page, StringComparison.Ordinal);
        var pdfLink = $"/api/v1/compliance/certificates/{certificate.Id}?format=pdf";
        Assert.Contains(pdfLink.Replace("&", "&amp;", StringComparison.Ordinal), page, StringComparison.Ordinal);

        // The link works with the clerk's sign-in cookie.
        using var pdf = await clerk.GetAsync(new Uri(pdfLink, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(await pdf.Content.ReadAsByteArrayAsync(), 0, 5), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ApiWorld.Providers), MemberType = typeof(ApiWorld))]
    public async Task The_employer_page_lists_certificates_and_revokes_one_only_with_a_reason(string provider)
    {
        await using var world = await ApiWorld.StartAsync(provider);
        await LicenceCheckTests.SeedAsync(world);
        using var clerk = await world.ClientAsync(LindungRoles.LicensingOfficer);
        using (await Pages.PostFormAsync(clerk, "/licensing?handler=Issue", new Dictionary<string, string> { ["Input.Identifier"] = CompliantNpp }))
        {
        }

        var certificate = await SingleCertificateAsync(world);
        var (compliantId, otherId) = await EmployerIdsAsync(world);
        var path = $"/employers/{compliantId}";
        var html = await Pages.HtmlAsync(clerk, path);
        Assert.Contains($"data-certificate=\"{certificate.Id}\" data-status=\"VALID\"", html, StringComparison.Ordinal);
        Assert.Contains($"/api/v1/compliance/certificates/{certificate.Id}?format=pdf", html, StringComparison.Ordinal);
        Assert.Contains("name=\"reason\" required", html, StringComparison.Ordinal);
        Assert.Contains("Belum ada surat keterangan", await Pages.HtmlAsync(clerk, $"/employers/{otherId}"), StringComparison.Ordinal);

        using (var blank = await Pages.PostFormAsync(clerk, path + "?handler=Revoke", Fields(certificate.Id, "   ")))
        {
            var page = await blank.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, blank.StatusCode);
            Assert.Contains("Tuliskan alasan pencabutan", page, StringComparison.Ordinal);
            Assert.Contains("<details class=\"revoke\" open=\"open\">", page, StringComparison.Ordinal);
        }

        // Through another employer's page the certificate is not found, and stays valid.
        using (var elsewhere = await Pages.PostFormAsync(clerk, $"/employers/{otherId}?handler=Revoke", Fields(certificate.Id, "Salah alamat")))
        {
            Assert.Contains("Surat keterangan tidak ditemukan di wilayah Anda.", await elsewhere.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Null((await SingleCertificateAsync(world)).RevokedAt);

        using (var revoked = await Pages.PostFormAsync(clerk, path + "?handler=Revoke", Fields(certificate.Id, "Tunggakan iuran sejak bulan lalu")))
        {
            Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
            Assert.Equal($"{path}?revoked={certificate.Id}#certificates", revoked.Headers.Location?.OriginalString);
        }

        var after = await Pages.HtmlAsync(clerk, $"{path}?revoked={certificate.Id}");
        Assert.Contains($"data-certificate=\"{certificate.Id}\" data-status=\"REVOKED\"", after, StringComparison.Ordinal);
        Assert.Contains("Tunggakan iuran sejak bulan lalu", after, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"reason\"", after, StringComparison.Ordinal);
        Assert.DoesNotContain("role=\"alert\"", await Pages.HtmlAsync(clerk, $"{path}?revoked=not-a-guid"), StringComparison.Ordinal);
        var row = await SingleCertificateAsync(world);
        Assert.Equal("Tunggakan iuran sejak bulan lalu", row.RevokedReason);
        Assert.Contains("@", row.RevokedBy, StringComparison.Ordinal);

        using var anonymous = await world.ClientAsync(ApiWorld.Anonymous);
        Assert.Contains("data-status=\"REVOKED\"", await Pages.HtmlAsync(anonymous, "/verifikasi/" + certificate.Token), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ApiWorld.Providers), MemberType = typeof(ApiWorld))]
    public async Task A_branch_officer_issues_a_certificate_from_the_employer_page_only_for_a_PATUH_firm(string provider)
    {
        await using var world = await ApiWorld.StartAsync(provider);
        await LicenceCheckTests.SeedAsync(world);
        using var officer = await world.ClientAsync(LindungRoles.BranchOfficer);
        var (compliantId, otherId) = await EmployerIdsAsync(world);
        var path = $"/employers/{compliantId}";

        Assert.Contains($"action=\"{path}?handler=Issue\"", await Pages.HtmlAsync(officer, path), StringComparison.Ordinal);
        Assert.DoesNotContain(IssueButton, await Pages.HtmlAsync(officer, $"/employers/{otherId}"), StringComparison.Ordinal);

        // A forged post for the firm with unregistered workers is refused by the use case, by name.
        using (var forged = await Pages.PostFormAsync(officer, $"/employers/{otherId}?handler=Issue", new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
            Assert.Contains("Surat keterangan hanya diterbitkan untuk pemberi kerja berstatus PATUH.", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(0, await CountCertificatesAsync(world));
        using (var issued = await Pages.PostFormAsync(officer, path + "?handler=Issue", new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
            var certificate = await SingleCertificateAsync(world);
            Assert.Equal($"{path}?issued={certificate.Id}#certificates", issued.Headers.Location?.OriginalString);
            Assert.Contains("@", certificate.IssuedBy, StringComparison.Ordinal);
        }

        var after = await Pages.HtmlAsync(officer, $"{path}?issued={(await SingleCertificateAsync(world)).Id}");
        Assert.Contains("Surat keterangan kepatuhan diterbitkan.", after, StringComparison.Ordinal);
        Assert.Contains("data-status=\"VALID\"", after, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Fields(Guid certificateId, string reason) => new()
    {
        ["certificateId"] = certificateId.ToString(),
        ["reason"] = reason,
    };

    private static async Task<string> CheckAsync(HttpClient clerk, string type, string identifier, string application)
    {
        using var response = await Pages.PostFormAsync(clerk, "/licensing", new Dictionary<string, string>
        {
            ["Input.LicenceType"] = type,
            ["Input.Identifier"] = identifier,
            ["Input.ApplicationNumber"] = application,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<int> CountCertificatesAsync(ApiWorld world)
    {
        await using var scope = world.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LindungDbContext>().ComplianceCertificates.CountAsync(c => c.Npp == CompliantNpp || c.Npp == MissingWorkersNpp);
    }

    private static async Task<Lindung.Data.Entities.ComplianceCertificate> SingleCertificateAsync(ApiWorld world)
    {
        await using var scope = world.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
        return await db.ComplianceCertificates.AsNoTracking().SingleAsync(c => c.Npp == CompliantNpp);
    }

    private static async Task<(Guid Compliant, Guid Other)> EmployerIdsAsync(ApiWorld world)
    {
        await using var scope = world.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
        var compliant = await db.Employers.Where(e => e.Npp == CompliantNpp).Select(e => e.Id).SingleAsync();
        var other = await db.Employers.Where(e => e.Npp == MissingWorkersNpp).Select(e => e.Id).SingleAsync();
        return (compliant, other);
    }
}
