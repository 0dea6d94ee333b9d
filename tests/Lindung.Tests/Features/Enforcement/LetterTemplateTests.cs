using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Enforcement;
using Lindung.Features.Enforcement;
using Lindung.Security;
using Lindung.Tests.Features.Api;
using Lindung.Tests.Features.Licensing;
using Lindung.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lindung.Tests.Features.Enforcement;

/// <summary>
/// Letters written from templates: the shipped templates say word for word what the letters said when
/// their text was code; a regency's version is used for the letters issued from its first day on and
/// not before, while letters already issued stay as they were; a template with a placeholder the letter
/// does not offer is refused by name and nothing is stored (on both databases).
/// </summary>
public sealed class LetterTemplateTests
{
    private const string Cases = "/api/v1/enforcement/cases";

    private static readonly AccessScope Admin = new(new HashSet<string> { LindungRoles.RegionalAdmin }, [ApiWorld.Region], null, "admin@test");

    public static TheoryData<string, string[], string[]> Defaults => new()
    {
        {
            "warning1",
            ["CV Separuh Daftar", "NPP 22222222", "di Kota Madiun"],
            [
                "Berdasarkan data kepesertaan BPJS Ketenagakerjaan yang kami kelola, pada CV Separuh Daftar (NPP 22222222) kami mencatat temuan berikut (dibekukan pada berkas kasus PK/35.77/2026/0007 tanggal 4 Desember 2026):",
                "Sesuai PP 86/2013 Pasal 5 ayat (2) huruf a, Pasal 6, Saudara kami minta memenuhi kewajiban tersebut paling lambat 5 Januari 2027 (10 hari kerja sejak surat ini).",
                "Apabila sampai batas waktu tersebut kewajiban belum dipenuhi, kami akan menyampaikan teguran tertulis kedua.",
            ]
        },
        {
            "warning2",
            ["CV Separuh Daftar", "NPP 22222222", "di Kota Madiun"],
            [
                "Berdasarkan data kepesertaan BPJS Ketenagakerjaan yang kami kelola, pada CV Separuh Daftar (NPP 22222222) kami mencatat temuan berikut (dibekukan pada berkas kasus PK/35.77/2026/0007 tanggal 4 Desember 2026):",
                "Sesuai PP 86/2013 Pasal 6 ayat (2), Saudara kami minta memenuhi kewajiban tersebut paling lambat 5 Januari 2027 (10 hari kerja sejak surat ini).",
                "Apabila sampai batas waktu tersebut kewajiban belum dipenuhi, Saudara akan dikenai sanksi denda dan dapat dikenai sanksi tidak mendapat pelayanan publik tertentu (PP 86/2013 Pasal 5 ayat (2)).",
            ]
        },
        {
            "tmp2trequest",
            ["Kepala Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "Kota Madiun"],
            [
                "Bersama ini kami sampaikan bahwa CV Separuh Daftar (NPP 22222222) belum memenuhi kewajiban jaminan sosial ketenagakerjaan setelah teguran tertulis I dan II serta denda (kasus PK/35.77/2026/0007), dengan temuan:",
                "Berdasarkan PP 86/2013 Pasal 8–9; Permenaker 4/2018, kami mohon agar kepada pemberi kerja tersebut tidak diberikan pelayanan publik tertentu — perizinan terkait usaha, izin yang diperlukan untuk mengikuti tender proyek, izin mempekerjakan tenaga kerja asing, izin perusahaan penyedia jasa pekerja/buruh, dan persetujuan bangunan gedung — sampai kewajibannya dipenuhi.",
                "Status sanksi ini dijawab oleh layanan pemeriksaan kepatuhan Lindung (SANCTIONED) sejak tanggal surat ini; kami akan memberitahukan pencabutannya segera setelah kewajiban dipenuhi.",
            ]
        },
        {
            "skkcover",
            ["Kepala Kejaksaan Negeri Kota Madiun", "u.p. Kepala Seksi Perdata dan Tata Usaha Negara"],
            [
                "Bersama ini kami serahkan Surat Kuasa Khusus Nomor SKK/01/2027 tanggal 5 Januari 2027 kepada Jaksa Pengacara Negara Rina, S.H. untuk menangani ketidakpatuhan CV Separuh Daftar (NPP 22222222) (kasus PK/35.77/2026/0007), dengan temuan:",
                "Teguran tertulis I dan II, denda, dan permohonan TMP2T telah kami sampaikan tanpa dipenuhi. Berdasarkan UU 24/2011 Pasal 13; Inpres 2/2021, kami mohon bantuan Jaksa Pengacara Negara untuk pemanggilan, mediasi dan pemulihan kewajiban tersebut.",
            ]
        },
    };

    [Theory]
    [MemberData(nameof(Defaults))]
    public void The_default_templates_write_what_the_letters_said_before_templates_were_data(string kindCode, string[] addressee, string[] paragraphs)
    {
        var kind = EnumCodes<EnforcementLetterKind>.ParseName(kindCode)!.Value;
        var stage = Enum.GetValues<EnforcementStage>().Single(s => EnforcementLetters.KindFor(s) == kind);
        var letter = Compose(kind, stage, npp: "22222222");

        Assert.Equal("BPJS KETENAGAKERJAAN — KANTOR CABANG MADIUN", letter.Sender);
        Assert.Equal(kind switch
        {
            EnforcementLetterKind.Warning1 => "Teguran Tertulis I",
            EnforcementLetterKind.Warning2 => "Teguran Tertulis II",
            EnforcementLetterKind.Tmp2tRequest => "Permohonan Pengenaan Sanksi Tidak Mendapat Pelayanan Publik Tertentu (TMP2T)",
            _ => "Penyerahan Surat Kuasa Khusus Nomor SKK/01/2027",
        }, letter.Subject);
        Assert.Equal(addressee, letter.Recipient);
        Assert.Equal(paragraphs, letter.Paragraphs);
        Assert.Equal(["Ada pekerja yang belum terdaftar."], letter.Findings);
        Assert.Equal("Kepala Kantor Cabang", letter.Signatory);
        Assert.Equal("Kota Madiun", letter.Place);
    }

    [Fact]
    public void An_employer_without_an_NPP_is_named_alone_and_its_NPP_line_left_out_as_before()
    {
        var letter = Compose(EnforcementLetterKind.Warning1, EnforcementStage.Warning1, npp: null);

        Assert.Equal(["CV Separuh Daftar", "di Kota Madiun"], letter.Recipient);
        Assert.StartsWith("Berdasarkan data kepesertaan BPJS Ketenagakerjaan yang kami kelola, pada CV Separuh Daftar kami mencatat", letter.Paragraphs[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_letter_longer_than_a_page_goes_on_to_the_next_and_loses_no_word()
    {
        var legalBasis = string.Join(' ', Enumerable.Repeat("Peraturan Daerah Kota Madiun tentang Jaminan Sosial Ketenagakerjaan Pasal 12 ayat (3)", 3));
        var rule = EnforcementLadder.DefaultRules.Single(r => r.Stage == EnforcementStage.Warning1) with { LegalBasis = legalBasis };
        var paragraph = string.Join(' ', Enumerable.Range(1, 60).Select(i => $"({i}) {{dasar_hukum}}"));
        var template = new LetterTemplate(
            string.Join(' ', Enumerable.Repeat("Perihal yang panjang sekali", 10)),
            ["{nama_perusahaan}", string.Join(' ', Enumerable.Repeat("alamat", 40))],
            [paragraph, .. Enumerable.Repeat("Paragraf biasa untuk {perusahaan}.", 7)],
            "Kepala Kantor Cabang");
        var enforcementCase = new EnforcementCase { Number = "PK/35.77/2026/0007", Npp = "22222222", Violations = "PDS_WORKERS", Evidence = "[]", OpenedBy = "test", RegionCode = "35.77" };
        var values = EnforcementLetters.Values(enforcementCase, new Employer { Name = "CV Separuh Daftar", RegionCode = "35.77" }, rule, "Kota Madiun", "Kantor Cabang Madiun");
        var letter = EnforcementLetters.Compose(template, values, "001/TEG-1/35.77/XII/2026", new DateOnly(2026, 12, 4), ["Ada pekerja yang belum terdaftar."]);

        using var document = UglyToad.PdfPig.PdfDocument.Open(EnforcementLetterPdf.Render(letter));
        Assert.True(document.NumberOfPages > 2, $"{document.NumberOfPages} page(s)");
        var text = Squeeze(string.Concat(document.GetPages().Select(p => p.Text)));
        Assert.All(letter.Paragraphs.Append(letter.Subject).Concat(letter.Recipient).Append("Hormat kami, Kepala Kantor Cabang"), t => Assert.Contains(Squeeze(t), text, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_default_template_passes_the_check_an_edited_one_must_pass()
    {
        foreach (var kind in LetterTemplates.Kinds)
        {
            var template = LetterTemplates.Default(kind);
            var result = SaveLetterTemplate.Check(new LetterTemplateInput(
                ApiWorld.Region, LetterTemplates.Code(kind), null, template.Subject, string.Join('\n', template.Addressee), LetterTemplateInput.TextOf(template.Paragraphs), template.Signatory));
            Assert.True(result.Succeeded, $"{kind}: {string.Join("; ", result.Errors.Select(e => e.Message(english: true)))}");
            Assert.Equal(template.Paragraphs, result.Value.Template.Paragraphs);
        }
    }

    [Fact]
    public void A_template_names_what_is_wrong_with_it()
    {
        static IReadOnlyList<Application.UseCaseError> Errors(string kind, string? subject, string? addressee, string? paragraphs, string? signatory = "Kepala") =>
            SaveLetterTemplate.Check(new LetterTemplateInput(ApiWorld.Region, kind, null, subject, addressee, paragraphs, signatory)).Errors;

        var unknown = Errors("warning1", "Teguran {nomor_kasus}", "{nama_perusahaan}", "Kepada {perusahan}, SKK {nomor_skk}.");
        Assert.Equal(["LETTER_TEMPLATE_PLACEHOLDER_UNKNOWN", "LETTER_TEMPLATE_PLACEHOLDER_UNKNOWN"], unknown.Select(e => e.Code));
        Assert.Contains("{perusahan}", unknown[0].Message(english: false), StringComparison.Ordinal);
        Assert.Contains("{perusahan}", unknown[0].Message(english: true), StringComparison.Ordinal);
        Assert.Contains("{nomor_skk}", unknown[1].Message(english: true), StringComparison.Ordinal); // the SKK's number is only the cover letter's
        Assert.Empty(Errors("skkcover", "SKK {nomor_skk}", "Kepala Kejaksaan Negeri {kejari}", "Kepada {jpn}.", "Kepala {kantor_cabang}"));

        Assert.Equal(
            ["LETTER_TEMPLATE_SUBJECT_REQUIRED", "LETTER_TEMPLATE_ADDRESSEE_REQUIRED", "LETTER_TEMPLATE_PARAGRAPHS_REQUIRED", "LETTER_TEMPLATE_SIGNATORY_REQUIRED"],
            Errors("warning1", " ", "\n \n", "\r\n\r\n", "").Select(e => e.Code));
        Assert.Equal(["LETTER_TEMPLATE_TOO_LONG"], Errors("warning1", "Teguran", "{nama_perusahaan}", new string('a', LetterTemplate.ParagraphMax + 1)).Select(e => e.Code));
        Assert.Equal(["LETTER_TEMPLATE_TOO_LONG"], Errors("warning1", new string('a', LetterTemplate.SubjectMax + 1), "{nama_perusahaan}", "Isi.").Select(e => e.Code));
        Assert.Equal(["LETTER_TEMPLATE_BRACE"], Errors("warning1", "Teguran", "{nama_perusahaan}", "Kepada {perusahaan.").Select(e => e.Code));
        Assert.Equal(["LETTER_KIND_INVALID"], Errors("warning3", "Teguran", "A", "B").Select(e => e.Code));

        // Paragraphs are split at empty lines; a line break inside one is only wrapping.
        var two = SaveLetterTemplate.Check(new LetterTemplateInput(ApiWorld.Region, "warning1", null, "T", "A", "Satu\r\nbaris.\r\n\r\n  \r\nDua.", "K"));
        Assert.Equal(["Satu baris.", "Dua."], two.Value.Template.Paragraphs);
    }

    [Theory]
    [MemberData(nameof(ApiWorld.Providers), MemberType = typeof(ApiWorld))]
    public async Task An_edited_template_writes_the_letters_issued_from_its_day_on_and_not_before(string provider)
    {
        var clock = new MovableClock(new DateTimeOffset(2026, 12, 4, 3, 0, 0, TimeSpan.Zero)); // a Friday
        await using var world = await ApiWorld.StartAsync(provider, b => b.Services.AddSingleton<TimeProvider>(clock));
        await LicenceCheckTests.SeedAsync(world);

        var edited = new LetterTemplateInput(
            ApiWorld.Region,
            "warning1",
            "2026-12-07",
            "Teguran Tertulis Pertama atas {nama_perusahaan}",
            "Pimpinan {nama_perusahaan}\nNPP {npp}\ndi {tempat}",
            "Kami mencatat pada {perusahaan} (kasus {nomor_kasus}) temuan berikut:\n\nMohon dipenuhi paling lambat {batas_waktu}, yaitu {hari_kerja} hari kerja, sesuai {dasar_hukum}.",
            "Kepala Bidang Kepesertaan");
        await using (var scope = world.App.Services.CreateAsyncScope())
        {
            var save = scope.ServiceProvider.GetRequiredService<SaveLetterTemplate>();
            Assert.Equal("LETTER_TEMPLATE_DATE_INVALID", (await save.HandleAsync(edited with { ValidFrom = "2026-12-03" }, Admin, default)).Errors.Single().Code);
            Assert.Equal("ENF_REGION_INVALID", (await save.HandleAsync(edited, Admin with { RegionCodes = [ApiWorld.OtherRegion] }, default)).Errors.Single().Code);
            Assert.True((await save.HandleAsync(edited, Admin, default)).Succeeded);
        }

        // Friday 4 December: the edited wording is not in force yet.
        var branch = await world.ClientAsync(LindungRoles.BranchOfficer);
        var (before, beforePdf, _) = await IssueWarningAsync(world, branch, "22222222");
        Assert.Contains(Squeeze("Teguran Tertulis I"), before, StringComparison.Ordinal);
        Assert.Contains(Squeeze("pada CV Separuh Daftar (NPP 22222222) kami mencatat temuan berikut"), before, StringComparison.Ordinal);
        Assert.DoesNotContain(Squeeze("Pertama"), before, StringComparison.Ordinal);

        // Monday 7 December, its first day: the next letter of that kind is written with it.
        clock.Now = new DateTimeOffset(2026, 12, 7, 3, 0, 0, TimeSpan.Zero);
        branch.Dispose();
        branch = await world.ClientAsync(LindungRoles.BranchOfficer);
        var (after, _, number) = await IssueWarningAsync(world, branch, "33333333");
        Assert.Contains(Squeeze("Teguran Tertulis Pertama atas UD Upah Rendah"), after, StringComparison.Ordinal);
        Assert.Contains(Squeeze("Pimpinan UD Upah Rendah NPP 33333333 di Kota Madiun"), after, StringComparison.Ordinal);
        Assert.Contains(Squeeze($"Kami mencatat pada UD Upah Rendah (NPP 33333333) (kasus {number}) temuan berikut:"), after, StringComparison.Ordinal);
        Assert.Contains(Squeeze("Mohon dipenuhi paling lambat 21 Desember 2026, yaitu 10 hari kerja, sesuai PP 86/2013 Pasal 5 ayat (2) huruf a, Pasal 6."), after, StringComparison.Ordinal);
        Assert.Contains(Squeeze("Kepala Bidang Kepesertaan"), after, StringComparison.Ordinal);
        Assert.DoesNotContain("{", after, StringComparison.Ordinal);

        // The letter issued before is stored as it was sent.
        await using (var scope = world.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
            var stored = await db.EnforcementLetters
                .Where(l => l.RegionCode == ApiWorld.Region && l.Kind == EnforcementLetterKind.Warning1 && l.IssuedOn == new DateOnly(2026, 12, 4)).Select(l => l.Pdf).SingleAsync();
            Assert.Equal(beforePdf, stored);

            // A later version closes this one on its first day; a version not after the latest is refused.
            var save = scope.ServiceProvider.GetRequiredService<SaveLetterTemplate>();
            Assert.Equal("LETTER_TEMPLATE_NOT_AFTER_LATEST", (await save.HandleAsync(edited, Admin, default)).Errors.Single().Code);
            var next = await save.HandleAsync(edited with { ValidFrom = "2026-12-10", Subject = "Teguran Tertulis Kesatu" }, Admin, default);
            Assert.True(next.Succeeded);
            var versions = await db.EnforcementLetterTemplates.AsNoTracking().Where(t => t.RegionCode == ApiWorld.Region).OrderBy(t => t.ValidFrom).ToListAsync();
            Assert.Equal([(new DateOnly(2026, 12, 7), (DateOnly?)new DateOnly(2026, 12, 10)), (new DateOnly(2026, 12, 10), null)], versions.Select(v => (v.ValidFrom, v.ValidTo)));
            Assert.Equal("Teguran Tertulis Pertama atas {nama_perusahaan}", (await LetterTemplates.InForceAsync(db, ApiWorld.Region, EnforcementLetterKind.Warning1, new DateOnly(2026, 12, 9), default)).Subject);
            Assert.Equal("Teguran Tertulis Kesatu", (await LetterTemplates.InForceAsync(db, ApiWorld.Region, EnforcementLetterKind.Warning1, new DateOnly(2026, 12, 10), default)).Subject);
            Assert.Equal("Teguran Tertulis I", (await LetterTemplates.InForceAsync(db, ApiWorld.Region, EnforcementLetterKind.Warning1, new DateOnly(2026, 12, 6), default)).Subject);
            Assert.Equal("Teguran Tertulis II", (await LetterTemplates.InForceAsync(db, ApiWorld.Region, EnforcementLetterKind.Warning2, new DateOnly(2026, 12, 10), default)).Subject);

            // Audited as every registry row: the first version, its closing, the second.
            var audit = await db.AuditEvents.Where(e => e.EntityType == nameof(EnforcementLetterTemplate)).Select(e => e.Action).ToListAsync();
            Assert.Equal((2, 1), (audit.Count(a => a == AuditAction.Create), audit.Count(a => a == AuditAction.Update)));
        }

        branch.Dispose();
    }

    [Theory]
    [MemberData(nameof(ApiWorld.Providers), MemberType = typeof(ApiWorld))]
    public async Task An_unknown_placeholder_is_refused_by_name_on_the_settings_page_and_nothing_is_stored(string provider)
    {
        await using var world = await ApiWorld.StartAsync(provider);
        using var admin = await world.ClientAsync(LindungRoles.RegionalAdmin);
        const string Page = "/admin/enforcement-settings?region=35.77&kind=skkcover";

        var html = await Pages.HtmlAsync(admin, Page);
        Assert.Contains("Penyerahan Surat Kuasa Khusus Nomor {nomor_skk}", html, StringComparison.Ordinal);
        Assert.Contains("<code>{kejari}</code>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<code>{batas_waktu}</code>", html, StringComparison.Ordinal);

        var fields = new Dictionary<string, string>
        {
            ["appliesTo"] = ApiWorld.Region,
            ["kind"] = "skkcover",
            ["validFrom"] = DateTime.Today.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["subject"] = "Penyerahan SKK {nomor_skk}",
            ["addressee"] = "Kepala Kejaksaan Negeri {kejari}",
            ["paragraphs"] = "Kami serahkan SKK kepada {jaksa} untuk {perusahaan}:\n\nDemikian.",
            ["signatory"] = "Kepala Kantor Cabang",
        };
        using (var refused = await Pages.PostFormAsync(admin, "/admin/enforcement-settings?handler=Template", fields))
        {
            var page = await refused.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("Tempat isian {jaksa} tidak dikenal untuk surat ini.", page, StringComparison.Ordinal);
            Assert.Contains("Kami serahkan SKK kepada {jaksa}", page, StringComparison.Ordinal); // what was typed is kept
        }

        await using (var scope = world.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
            Assert.Equal(0, await db.EnforcementLetterTemplates.CountAsync());
            Assert.Equal(0, await db.AuditEvents.CountAsync(e => e.EntityType == nameof(EnforcementLetterTemplate)));
        }

        // "Pratinjau" renders the letter for an example employer and stores nothing.
        fields["paragraphs"] = "Kami serahkan SKK kepada {jpn} untuk {perusahaan}:\n\nDemikian.";
        using (var preview = await Pages.PostFormAsync(admin, "/admin/enforcement-settings?handler=PreviewTemplate", fields))
        {
            Assert.Equal("application/pdf", preview.Content.Headers.ContentType?.MediaType);
            var text = PdfText(await preview.Content.ReadAsByteArrayAsync());
            Assert.Contains(Squeeze($"Kami serahkan SKK kepada Contoh Nama, S.H. untuk {PreviewLetterTemplate.SampleEmployer} (NPP 12345678):"), text, StringComparison.Ordinal);
            Assert.Contains(Squeeze("Kepala Kejaksaan Negeri Kota Madiun"), text, StringComparison.Ordinal);
        }

        using (var saved = await Pages.PostFormAsync(admin, "/admin/enforcement-settings?handler=Template", fields))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        await using (var scope = world.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
            var row = await db.EnforcementLetterTemplates.SingleAsync();
            Assert.Equal((EnforcementLetterKind.SkkCover, "Kami serahkan SKK kepada {jpn} untuk {perusahaan}:\nDemikian."), (row.Kind, row.Paragraphs));
            Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.EntityType == nameof(EnforcementLetterTemplate) && e.Actor != "system"));
        }

        Assert.Contains("Penyerahan SKK {nomor_skk}", await Pages.HtmlAsync(admin, Page), StringComparison.Ordinal);
    }

    private static LetterContent Compose(EnforcementLetterKind kind, EnforcementStage stage, string? npp)
    {
        var enforcementCase = new EnforcementCase
        {
            Number = "PK/35.77/2026/0007",
            Npp = npp,
            Violations = "PDS_WORKERS",
            Evidence = "[]",
            OpenedOn = new DateOnly(2026, 12, 4),
            DueOn = new DateOnly(2027, 1, 5),
            ProsecutorRegion = "35.77",
            SkkNumber = "SKK/01/2027",
            SkkDate = new DateOnly(2027, 1, 5),
            StateAttorney = "Rina, S.H.",
            OpenedBy = "test",
            RegionCode = "35.77",
        };
        var employer = new Employer { Name = "CV Separuh Daftar", RegionCode = "35.77" };
        var values = EnforcementLetters.Values(enforcementCase, employer, EnforcementLadder.DefaultRules.Single(r => r.Stage == stage), "Kota Madiun", "Kantor Cabang Madiun");
        return EnforcementLetters.Compose(LetterTemplates.Default(kind), values, "001/TEG-1/35.77/XII/2026", new DateOnly(2026, 12, 4), ["Ada pekerja yang belum terdaftar."]);
    }

    /// <summary>Opens a case for the employer and issues its first warning; the letter's text (whitespace removed), its bytes, the case number.</summary>
    private static async Task<(string Text, byte[] Pdf, string Number)> IssueWarningAsync(ApiWorld world, HttpClient branch, string npp)
    {
        Guid employerId;
        await using (var scope = world.App.Services.CreateAsyncScope())
        {
            employerId = await scope.ServiceProvider.GetRequiredService<LindungDbContext>().Employers.Where(e => e.Npp == npp).Select(e => e.Id).SingleAsync();
        }

        using var created = await branch.PostAsJsonAsync(new Uri(Cases, UriKind.Relative), new { employer_id = employerId });
        var body = await created.Content.ReadAsStringAsync();
        Assert.True(created.StatusCode == HttpStatusCode.Created, body);
        var opened = JsonDocument.Parse(body).RootElement;
        var id = opened.GetProperty("id").GetGuid();
        var warning = await JsonApi.PostOkAsync(branch, $"{Cases}/{id}/advance", new { stage = "warning1" });
        var pdf = await branch.GetByteArrayAsync(new Uri($"{Cases}/{id}/letters/{warning.GetProperty("letter_id").GetGuid()}", UriKind.Relative));
        return (PdfText(pdf), pdf, opened.GetProperty("number").GetString()!);
    }

    /// <summary>A PDF's text without whitespace: where the layout wraps a line is no concern of these tests.</summary>
    private static string PdfText(byte[] pdf)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        return Squeeze(string.Concat(document.GetPages().Select(p => p.Text)));
    }

    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private sealed class MovableClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
