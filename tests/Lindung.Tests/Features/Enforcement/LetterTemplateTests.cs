using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Enforcement;
using Lindung.Features.Enforcement;

namespace Lindung.Tests.Features.Enforcement;

/// <summary>
/// Letters written from templates: the shipped templates say word for word what the letters said when
/// their text was code.
/// </summary>
public sealed class LetterTemplateTests
{
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
}
