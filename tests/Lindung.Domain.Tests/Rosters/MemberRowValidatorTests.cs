using Lindung.Domain.Areas;
using Lindung.Domain.Contributions;
using Lindung.Domain.Identifiers;
using Lindung.Domain.Rosters;

namespace Lindung.Domain.Tests.Rosters;

public class MemberRowValidatorTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);
    private static readonly string AgusNik = Nik.Compose("35.77.02", new DateOnly(1985, 11, 30), Sex.L, 3);

    private static readonly string[] Header =
        ["kpj", "nik", "nama", "tanggal_lahir", "jenis_kelamin", "segmen", "npp", "status", "program", "upah_dilaporkan", "tanggal_kepesertaan", "bulan_iuran_terakhir"];

    private static readonly HeaderMap Map = HeaderMap.Map(Header, MemberColumns.All);

    private static MemberRowValidator NewValidator() => new(new NikValidator(AreaDirectory.Embedded), Today);

    private static string[] Row(params (string Column, string Value)[] changes)
    {
        string[] row = ["22222222222", AgusNik, "Agus Prasetyo", "1985-11-30", "L", "PU", "12345678", "AKTIF", "JKK, JKM, JHT", "3250000", "2024-02-01", "2026-01"];
        foreach (var (column, value) in changes)
        {
            row[Array.IndexOf(Header, column)] = value;
        }

        return row;
    }

    private static (ValidMemberRow? Row, List<RowProblem> Problems) Check(params (string Column, string Value)[] changes)
    {
        var problems = new List<RowProblem>();
        return (NewValidator().Validate(3, Map, Row(changes), problems), problems);
    }

    [Fact]
    public void A_good_row_is_read()
    {
        var (row, problems) = Check();

        Assert.Empty(problems);
        Assert.Equal(("22222222222", Segment.Pu, "12345678", true), (row!.Kpj, row.Segment, row.Npp, row.Active));
        Assert.Equal(ProgramSet.Jkk | ProgramSet.Jkm | ProgramSet.Jht, row.Programs);
        Assert.Equal((3_250_000L, new DateOnly(2024, 2, 1), new DateOnly(2026, 1, 1)), (row.Wage, row.MemberSince, row.LastPaidMonth));
    }

    [Theory]
    [InlineData("kpj", "", "KPJ_EMPTY")]
    [InlineData("kpj", "1234", "KPJ_INVALID")]
    [InlineData("kpj", "2.22222E+10", "KPJ_INVALID")]
    [InlineData("nik", "3.57701E+15", "NIK_SCIENTIFIC_NOTATION")]
    [InlineData("tanggal_lahir", "1985-11-29", "NIK_BIRTH_DATE_MISMATCH")]
    [InlineData("jenis_kelamin", "P", "NIK_SEX_MISMATCH")]
    [InlineData("segmen", "ASN", "SEGMENT_UNKNOWN")]
    [InlineData("npp", "123456789", "NPP_INVALID")]
    [InlineData("status", "mungkin", "STATUS_UNKNOWN")]
    [InlineData("program", "", "PROGRAM_EMPTY")]
    [InlineData("program", "JKK, BPJS Kesehatan", "PROGRAM_UNKNOWN")]
    [InlineData("upah_dilaporkan", "0", "WAGE_NOT_POSITIVE")]
    [InlineData("upah_dilaporkan", "n/a", "WAGE_INVALID")]
    [InlineData("upah_dilaporkan", "2.5E+06", "WAGE_INVALID")]
    [InlineData("upah_dilaporkan", "3577015205900001", "WAGE_TOO_LARGE")]
    [InlineData("tanggal_kepesertaan", "dulu", "DATE_INVALID")]
    [InlineData("bulan_iuran_terakhir", "Januari", "MONTH_INVALID")]
    public void Each_bad_cell_is_reported_with_row_column_and_code(string column, string value, string code)
    {
        var (row, problems) = Check((column, value));

        Assert.Null(row);
        var problem = Assert.Single(problems);
        Assert.Equal((3, column, code), (problem.Row, problem.Column, problem.Error.Code));
    }

    [Theory]
    [InlineData("NONAKTIF", false)]
    [InlineData("Tidak Aktif", false)]
    [InlineData("Keluar", false)]
    [InlineData("Aktif", true)]
    public void Status_words(string written, bool active) =>
        Assert.Equal(active, Check(("status", written)).Row!.Active);

    [Theory]
    [InlineData("Bukan Penerima Upah", Segment.Bpu)]
    [InlineData("JAKON", Segment.Jakon)]
    [InlineData("pmi", Segment.Pmi)]
    [InlineData("jasa konstruksi", Segment.Jakon)]
    [InlineData("Pekerja Proyek", Segment.Jakon)]
    [InlineData("TKI", Segment.Pmi)]
    [InlineData("Pekerja Migran", Segment.Pmi)]
    public void Segment_words(string written, Segment segment) =>
        Assert.Equal(segment, Check(("segmen", written)).Row!.Segment);

    [Fact]
    public void A_migrant_member_may_have_no_reported_wage_but_a_PU_member_may_not()
    {
        Assert.Equal(0, Check(("segmen", "PMI"), ("npp", ""), ("upah_dilaporkan", "")).Row!.Wage);
        Assert.Null(Check(("upah_dilaporkan", "")).Row);
    }

    [Fact]
    public void A_blank_npp_is_allowed_for_members_without_an_employer() =>
        Assert.Null(Check(("npp", ""), ("segmen", "BPU")).Row!.Npp);

    [Fact]
    public void A_kpj_seen_before_is_a_duplicate_but_a_nik_may_hold_several_cards()
    {
        var validator = NewValidator();
        var problems = new List<RowProblem>();

        Assert.NotNull(validator.Validate(2, Map, Row(), problems));
        Assert.NotNull(validator.Validate(3, Map, Row(("kpj", "22222222223")), problems));
        Assert.Null(validator.Validate(4, Map, Row(("kpj", "'22222222222")), problems));

        var problem = Assert.Single(problems);
        Assert.Equal((4, "kpj", "KPJ_DUPLICATE"), (problem.Row, problem.Column, problem.Error.Code));
        Assert.Contains("row 2", problem.Error.MessageEn, StringComparison.Ordinal);
    }

    [Fact]
    public void A_column_override_reads_a_header_no_alias_knows()
    {
        string[] header = [.. Header.Select(h => h == "segmen" ? "Kelompok" : h)];

        Assert.NotEmpty(HeaderMap.Map(header, MemberColumns.All).Missing);
        var map = HeaderMap.Map(header, MemberColumns.All, new Dictionary<string, string> { ["segmen"] = "kelompok" });
        Assert.NotNull(map);
        Assert.Empty(map.Missing);
        Assert.Equal(5, map.IndexOf(MemberColumns.Segmen));
        Assert.Null(HeaderMap.Map(header, MemberColumns.All, new Dictionary<string, string> { ["segmen"] = "Nope" }));
        Assert.Null(HeaderMap.Map(header, MemberColumns.All, new Dictionary<string, string> { ["nope"] = "Kelompok" }));
    }
}
