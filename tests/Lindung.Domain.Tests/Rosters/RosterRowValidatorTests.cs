using Lindung.Domain.Areas;
using Lindung.Domain.Identifiers;
using Lindung.Domain.Rosters;

namespace Lindung.Domain.Tests.Rosters;

public class RosterRowValidatorTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);
    private static readonly Guid Dinas = Guid.NewGuid();
    private static readonly Guid School = Guid.NewGuid();
    private static readonly string SitiNik = Nik.Compose("35.77.01", new DateOnly(1990, 5, 12), Sex.P, 1);

    private static readonly string[] Header =
        ["nik", "nama", "tanggal_lahir", "jenis_kelamin", "kode_wilayah", "instansi", "kategori", "upah", "jabatan", "tanggal_mulai", "sumber_dana", "no_hp"];

    private static readonly HeaderMap Map = HeaderMap.Map(Header, RosterColumns.All);

    private static RosterRowValidator NewValidator() => new(
        new NikValidator(AreaDirectory.Embedded),
        AreaDirectory.Embedded,
        new AgencyMatcher([new AgencyName(Dinas, "DISDIK", "Dinas Pendidikan"), new AgencyName(School, "SDN-01", "SD Negeri 01")]),
        Today);

    private static string[] Row(params (string Column, string Value)[] changes)
    {
        string[] row = [SitiNik, "Siti Rahayu", "12/05/1990", "P", "35.77.01", "DISDIK", "GTT", "2.500.000", "Guru", "", "", ""];
        foreach (var (column, value) in changes)
        {
            row[Array.IndexOf(Header, column)] = value;
        }

        return row;
    }

    private static (ValidRosterRow? Row, List<RowProblem> Problems) Check(params (string Column, string Value)[] changes)
    {
        var problems = new List<RowProblem>();
        var row = NewValidator().Validate(2, Map, Row(changes), problems, out _);
        return (row, problems);
    }

    [Fact]
    public void A_good_row_is_read_into_registry_codes()
    {
        var (row, problems) = Check(("tanggal_mulai", "2024-01-02"), ("no_hp", "+62 812-3456-7890"));

        Assert.Empty(problems);
        Assert.NotNull(row);
        Assert.Equal((SitiNik, new DateOnly(1990, 5, 12), Sex.P), (row.Person.Nik, row.Person.BirthDate, row.Person.Sex));
        Assert.Equal(("35.77.01", Dinas, "GTT", 2_500_000L, "APBD"), (row.AreaCode, row.AgencyId, row.Category, row.Wage, row.Funding));
        Assert.Equal((new DateOnly(2024, 1, 2), "6281234567890"), (row.StartDate, row.Phone));
    }

    [Theory]
    [InlineData("nik", "", "NIK_EMPTY")]
    [InlineData("nik", "3.57701E+15", "NIK_SCIENTIFIC_NOTATION")]
    [InlineData("nik", "35770152059A0001", "NIK_INVALID_CHARACTERS")]
    [InlineData("nik", "357701520590001", "NIK_LENGTH")]
    [InlineData("nik", "9977015205900001", "NIK_PROVINCE_UNKNOWN")]
    [InlineData("nama", "", "NAME_EMPTY")]
    [InlineData("tanggal_lahir", "", "DATE_EMPTY")]
    [InlineData("tanggal_lahir", "12 Mei 1990", "DATE_INVALID")]
    [InlineData("tanggal_lahir", "13/05/1990", "NIK_BIRTH_DATE_MISMATCH")]
    [InlineData("jenis_kelamin", "X", "SEX_INVALID")]
    [InlineData("jenis_kelamin", "Laki-laki", "NIK_SEX_MISMATCH")]
    [InlineData("kode_wilayah", "99.99", "AREA_UNKNOWN")]
    [InlineData("kode_wilayah", "35", "AREA_UNKNOWN")]
    [InlineData("instansi", "", "AGENCY_EMPTY")]
    [InlineData("instansi", "RSUD Kota Madiun", "AGENCY_MISMATCH")]
    [InlineData("kategori", "Astronot", "CATEGORY_UNKNOWN")]
    [InlineData("kategori", "PPPK", "CATEGORY_TASPEN")]
    [InlineData("upah", "dua juta", "WAGE_INVALID")]
    [InlineData("upah", "0", "WAGE_NOT_POSITIVE")]
    [InlineData("upah", "1e309", "WAGE_INVALID")]
    [InlineData("upah", "0x10", "WAGE_INVALID")]
    [InlineData("upah", "9,223,372,036,854,775,807", "WAGE_TOO_LARGE")]
    [InlineData("upah", "Rp 1.000.000.001", "WAGE_TOO_LARGE")]
    [InlineData("upah", "99999999999999999999999", "WAGE_TOO_LARGE")]
    [InlineData("tanggal_mulai", "kemarin", "DATE_INVALID")]
    [InlineData("sumber_dana", "Hibah Asing", "FUNDING_UNKNOWN")]
    [InlineData("no_hp", "0812", "PHONE_INVALID")]
    public void Each_bad_cell_is_reported_with_row_column_and_code(string column, string value, string code)
    {
        var (row, problems) = Check((column, value));

        Assert.Null(row);
        var problem = Assert.Single(problems);
        Assert.Equal((2, column, code), (problem.Row, problem.Column, problem.Error.Code));
        Assert.NotEmpty(problem.Error.MessageId);
        Assert.NotEmpty(problem.Error.MessageEn);
        Assert.NotEqual(problem.Error.MessageId, problem.Error.MessageEn);
    }

    [Theory]
    [InlineData("'3577015205900001")]
    [InlineData("3577 0152 0590 0001")]
    [InlineData("3577015205900001.0")]
    public void A_repaired_nik_is_accepted(string written)
    {
        var (row, problems) = Check(("nik", written));

        Assert.Empty(problems);
        Assert.Equal(SitiNik, row!.Person.Nik);
    }

    [Theory]
    [InlineData("1990-05-12")]
    [InlineData("12-05-1990")]
    [InlineData("33005")]
    public void Dates_are_read_in_every_layout_including_excel_serials(string written)
    {
        var (row, problems) = Check(("tanggal_lahir", written));

        Assert.Empty(problems);
        Assert.Equal(new DateOnly(1990, 5, 12), row!.Person.BirthDate);
    }

    [Theory]
    [InlineData("Honorer", "HONORER")]
    [InlineData("guru tidak tetap", "GTT")]
    [InlineData("PTT", "PTT")]
    [InlineData("Tenaga Kontrak", "KONTRAK")]
    [InlineData("THL", "HARIAN_LEPAS")]
    [InlineData("Harian Lepas", "HARIAN_LEPAS")]
    [InlineData("Alih Daya", "OUTSOURCING")]
    [InlineData("outsourcing", "OUTSOURCING")]
    [InlineData("KPPS", "PENYELENGGARA_PEMILU")]
    [InlineData("Pekerja Proyek", "JAKON")]
    [InlineData("jasa konstruksi", "JAKON")]
    [InlineData("TKI", "PMI")]
    [InlineData("Pekerja Migran", "PMI")]
    public void Category_aliases(string written, string code) =>
        Assert.Equal(code, Check(("kategori", written)).Row!.Category);

    [Fact]
    public void A_migrant_worker_may_have_no_wage_but_nobody_else_may()
    {
        var (migrant, migrantProblems) = Check(("kategori", "PMI"), ("upah", ""));
        Assert.Empty(migrantProblems);
        Assert.Equal(0, migrant!.Wage);

        var (honorer, problems) = Check(("kategori", "Honorer"), ("upah", ""));
        Assert.Null(honorer);
        Assert.Equal("upah", Assert.Single(problems).Column);

        Assert.Equal("WAGE_NOT_POSITIVE", Assert.Single(Check(("kategori", "PMI"), ("upah", "0")).Problems).Error.Code);
    }

    [Theory]
    [InlineData("SDN-01")]
    [InlineData("SD NEGERI 01")]
    [InlineData("sd-negeri-01")]
    public void A_unit_of_the_agency_is_matched_by_code_or_folded_name(string written) =>
        Assert.Equal(School, Check(("instansi", written)).Row!.AgencyId);

    [Fact]
    public void Sex_words_and_letters_are_read()
    {
        Assert.Empty(Check(("jenis_kelamin", "Perempuan")).Problems);
        Assert.Empty(Check(("jenis_kelamin", "F")).Problems);
    }

    [Fact]
    public void The_second_row_with_a_nik_is_the_duplicate_and_names_the_first()
    {
        var validator = NewValidator();
        var problems = new List<RowProblem>();

        Assert.NotNull(validator.Validate(2, Map, Row(), problems, out _));
        Assert.Null(validator.Validate(5, Map, Row(("nik", "3577 0152 0590 0001")), problems, out var nik));

        var problem = Assert.Single(problems);
        Assert.Equal((5, "nik", "NIK_DUPLICATE"), (problem.Row, problem.Column, problem.Error.Code));
        Assert.Contains("baris 2", problem.Error.MessageId, StringComparison.Ordinal);
        Assert.Contains("row 2", problem.Error.MessageEn, StringComparison.Ordinal);
        Assert.Equal(SitiNik, nik);
    }

    [Fact]
    public void Every_problem_of_a_row_is_reported_and_a_valid_nik_is_still_given()
    {
        var problems = new List<RowProblem>();
        var row = NewValidator().Validate(7, Map, Row(("upah", "-"), ("kategori", "?")), problems, out var nik);

        Assert.Null(row);
        Assert.Equal(["kategori", "upah"], problems.Select(p => p.Column).Order(StringComparer.Ordinal));
        Assert.Equal(SitiNik, nik);
    }

    [Theory]
    [InlineData("-5")]
    [InlineData("Rp -2.500.000")]
    [InlineData("0")]
    public void A_negative_or_zero_wage_is_refused_not_read_as_positive(string wage)
    {
        var problems = new List<RowProblem>();
        var row = NewValidator().Validate(4, Map, Row(("upah", wage)), problems, out _);

        Assert.Null(row);
        var problem = Assert.Single(problems);
        Assert.Equal((4, "upah", "WAGE_NOT_POSITIVE"), (problem.Row, problem.Column, problem.Error.Code));
    }
}
