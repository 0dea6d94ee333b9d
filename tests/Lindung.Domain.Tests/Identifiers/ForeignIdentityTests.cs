using Lindung.Domain.Areas;
using Lindung.Domain.Identifiers;
using Lindung.Domain.Reconciliation;
using Lindung.Domain.Rosters;

namespace Lindung.Domain.Tests.Identifiers;

public class ForeignIdentityTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);

    [Theory]
    [InlineData("CHN", "CHN")]
    [InlineData("cn", "CHN")]
    [InlineData("Tiongkok", "CHN")]
    [InlineData("People's Republic of China", "CHN")]
    [InlineData("Korea Selatan", "KOR")]
    [InlineData("MALAYSIA", "MYS")]
    [InlineData(" jp ", "JPN")]
    [InlineData("Atlantis", null)]
    [InlineData("", null)]
    public void Nationality_is_read_from_codes_and_names(string written, string? code) =>
        Assert.Equal(code, Nationalities.Find(written));

    [Fact]
    public void The_same_document_and_nationality_always_give_the_same_key_however_written()
    {
        var a = ForeignIdentity.Read("e 1234-5678", "Tiongkok", out var e1, out var n1);
        var b = ForeignIdentity.Read("'E12345678", "CHN", out var e2, out var n2);

        Assert.Equal((null, null, null, null), (e1, n1, e2, n2));
        Assert.Equal(new ForeignIdentity("CHN", "E12345678"), a);
        Assert.Equal(a!.RegistryKey, b!.RegistryKey);
        Assert.Matches("^00[0-9]{10}5678$", a.RegistryKey);
        Assert.True(ForeignIdentity.IsRegistryKey(a.RegistryKey));
        Assert.Equal("WNA ********5678", Nik.Mask(a.RegistryKey));
        Assert.Equal("E1*****78", a.MaskedDocument);
    }

    [Fact]
    public void Another_nationality_or_document_is_another_person()
    {
        var chinese = new ForeignIdentity("CHN", "E12345678").RegistryKey;
        Assert.NotEqual(chinese, new ForeignIdentity("MYS", "E12345678").RegistryKey);
        Assert.NotEqual(chinese, new ForeignIdentity("CHN", "E12345679").RegistryKey);

        // Ten thousand documents with the same last four digits: no two share a key.
        var keys = Enumerable.Range(0, 10_000).Select(i => new ForeignIdentity("KOR", $"M{i:00000}5678").RegistryKey).ToHashSet();
        Assert.Equal(10_000, keys.Count);
    }

    [Fact]
    public void No_real_nik_is_taken_for_a_foreign_key()
    {
        var nik = Nik.Compose("35.77.01", new DateOnly(1990, 5, 12), Sex.P, 1);
        Assert.False(ForeignIdentity.IsRegistryKey(nik));
        Assert.False(ForeignIdentity.IsRegistryKey("00123"));
        Assert.False(new NikValidator(AreaDirectory.Embedded).Check(new ForeignIdentity("CHN", "E12345678").RegistryKey, Today).IsValid);
    }

    [Theory]
    [InlineData("E123", "CHN", "FOREIGN_DOCUMENT_INVALID", null)]
    [InlineData("ABCDEFGH", "CHN", "FOREIGN_DOCUMENT_INVALID", null)]
    [InlineData("E1234567#", "CHN", "FOREIGN_DOCUMENT_INVALID", null)]
    [InlineData("E12345678901234567890", "CHN", "FOREIGN_DOCUMENT_INVALID", null)]
    [InlineData("E12345678", "", null, "NATIONALITY_EMPTY")]
    [InlineData("E12345678", "Atlantis", null, "NATIONALITY_UNKNOWN")]
    [InlineData("E12345678", "Indonesia", null, "NATIONALITY_INDONESIAN")]
    public void A_bad_document_or_nationality_is_named(string document, string nationality, string? documentCode, string? nationalityCode)
    {
        Assert.Null(ForeignIdentity.Read(document, nationality, out var documentError, out var nationalityError));
        Assert.Equal((documentCode, nationalityCode), (documentError?.Code, nationalityError?.Code));
    }

    [Fact]
    public void A_written_nik_wins_over_a_document_and_a_blank_one_without_document_stays_a_nik_error()
    {
        var niks = new NikValidator(AreaDirectory.Embedded);
        var nik = Nik.Compose("35.77.01", new DateOnly(1990, 5, 12), Sex.P, 1);

        var withNik = PersonKey.Read(niks, nik, "E12345678", "CHN", Today);
        var byDocument = PersonKey.Read(niks, " ", "E12345678", "Atlantis", Today);
        var neither = PersonKey.Read(niks, "", "", "CHN", Today);

        Assert.Equal((nik, false, (ForeignIdentity?)null), (withNik.Key, withNik.ByDocument, withNik.Foreign));
        Assert.Equal((null, true, "NATIONALITY_UNKNOWN"), (byDocument.Key, byDocument.ByDocument, byDocument.NationalityError?.Code));
        Assert.Equal((null, false, "NIK_EMPTY"), (neither.Key, neither.ByDocument, neither.Nik.Errors[0].Code));
    }

    [Fact]
    public void A_roster_row_without_nik_but_with_passport_and_nationality_is_a_foreign_worker()
    {
        string[] header = ["nik", "nama", "tanggal_lahir", "jenis_kelamin", "kode_wilayah", "instansi", "kategori", "upah", "paspor", "kewarganegaraan"];
        var map = HeaderMap.Map(header, RosterColumns.All);
        var agency = Guid.NewGuid();
        var validator = new RosterRowValidator(
            new NikValidator(AreaDirectory.Embedded), AreaDirectory.Embedded, new AgencyMatcher([new AgencyName(agency, "DPUPR", "Dinas PUPR")]), Today);
        var problems = new List<RowProblem>();

        var row = validator.Validate(2, map, ["", "Li Wei", "1985-03-04", "L", "35.77", "DPUPR", "KONTRAK", "9000000", "E12345678", "Tiongkok"], problems, out var key);
        var twice = validator.Validate(3, map, ["", "Li Wei", "1985-03-04", "L", "35.77", "DPUPR", "KONTRAK", "9000000", "E 1234 5678", "CHN"], problems, out _);
        var noNationality = validator.Validate(4, map, ["", "Kim", "1985-03-04", "L", "35.77", "DPUPR", "KONTRAK", "9000000", "M98765432", ""], problems, out _);
        var neither = validator.Validate(5, map, ["", "Anon", "1985-03-04", "L", "35.77", "DPUPR", "KONTRAK", "9000000", "", "CHN"], problems, out _);

        Assert.NotNull(row);
        Assert.Equal(new ForeignIdentity("CHN", "E12345678"), row.Person.Foreign);
        Assert.Equal(row.Person.Foreign!.RegistryKey, key);
        Assert.Equal((new DateOnly(1985, 3, 4), Sex.L), (row.Person.BirthDate, row.Person.Sex));
        Assert.Null(twice);
        Assert.Null(noNationality);
        Assert.Null(neither);
        Assert.Equal(
            [(3, "nik", "NIK_DUPLICATE"), (4, "kewarganegaraan", "NATIONALITY_EMPTY"), (5, "nik", "NIK_EMPTY")],
            problems.Select(p => (p.Row, p.Column, p.Error.Code)));
    }

    [Fact]
    public void Reconciliation_matches_a_foreign_worker_by_document_and_nationality_exactly()
    {
        var key = new ForeignIdentity("CHN", "E12345678").RegistryKey;
        var other = new ForeignIdentity("MYS", "E12345678").RegistryKey;
        var members = new[]
        {
            new MemberRecord("11111111111", key, "LI WEI", new DateOnly(1985, 3, 4), Sex.L, true, ProgramSet.Jkk | ProgramSet.Jkm, 9_000_000),
        };
        var index = MemberIndex.Build(members, new NikValidator(AreaDirectory.Embedded), Today);
        var results = new Reconciler(index, ReconcileSettings.Default).Run(
        [
            new RosterRecord(2, key, "Li Wei", new DateOnly(1985, 3, 4), Sex.L, "35.77", 9_000_000),
            new RosterRecord(3, other, "Tan Ah Kow", new DateOnly(1970, 1, 1), Sex.L, "35.77", 9_000_000),
        ]).ToList();

        Assert.Equal((ReconcileOutcome.CoveredActive, MatchMethod.Nik, "11111111111"), (results[0].Outcome, results[0].Method, results[0].Kpj));
        Assert.Equal(ReconcileOutcome.NotRegistered, results[1].Outcome);
    }
}
