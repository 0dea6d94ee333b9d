using Lindung.Domain.Compliance;
using Lindung.Domain.Licensing;

namespace Lindung.Domain.Tests.Licensing;

public class LicenceRuleBookTests
{
    private const string File = """
        {
          "format": 1,
          "rules": [
            { "licence_type": "PB_UMKU", "name_id": "Izin usaha", "name_en": "Business licence", "region_code": "35.77",
              "effective_from": "2022-01-01", "outcomes": { "PDS_WORKERS": "TINJAU" }, "legal_basis": "Perwali 1/2022 Pasal 3", "legal_basis_status": "EXAMPLE" },
            { "licence_type": "PB_UMKU", "name_id": "Izin usaha", "name_en": "Business licence", "region_code": "35.77",
              "effective_from": "2024-01-01", "exempt_micro": true, "legal_basis": "Perwali 5/2023 Pasal 4" },
            { "licence_type": "TENDER", "name_id": "Tender", "name_en": "Tender", "region_code": "35.00",
              "effective_from": "2022-01-01", "withheld_under_tmp2t": true, "legal_basis": "Pergub 9/2021 Pasal 2" }
          ]
        }
        """;

    private static readonly LicenceRuleBook Book = new(LicenceRuleParser.Parse(File, "test.json"));

    [Fact]
    public void The_version_in_force_on_the_day_decides_and_ends_where_the_next_begins()
    {
        var old = Book.Find("PB_UMKU", "35.77", new DateOnly(2023, 6, 1))!;
        Assert.Equal(new DateOnly(2022, 1, 1), old.EffectiveFrom);
        Assert.Equal(new DateOnly(2023, 12, 31), old.EffectiveTo);
        Assert.Equal(LicensingOutcome.Tinjau, old.Outcomes[ComplianceRules.PdsWorkers]);
        Assert.Equal(LegalBasisStatus.Example, old.LegalBasisStatus);

        var current = Book.Find("pb_umku", "35.77.01.1001", new DateOnly(2026, 12, 5))!;
        Assert.Equal(new DateOnly(2024, 1, 1), current.EffectiveFrom);
        Assert.Null(current.EffectiveTo);
        Assert.True(current.ExemptMicro);
        Assert.Equal(LicensingOutcome.Tolak, current.Outcomes[ComplianceRules.PdsWorkers]);
        Assert.Null(Book.Find("PB_UMKU", "35.77", new DateOnly(2021, 12, 31)));
    }

    [Fact]
    public void A_regency_without_its_own_rule_falls_back_to_its_province()
    {
        Assert.Equal("35.00", Book.Find("TENDER", "35.77", new DateOnly(2026, 1, 1))!.RegionCode);
        Assert.Equal("35.00", Book.Find("TENDER", "35.19", new DateOnly(2026, 1, 1))!.RegionCode);
        Assert.Null(Book.Find("TENDER", "33.01", new DateOnly(2026, 1, 1)));
        Assert.Null(Book.Find("PB_UMKU", "35.19", new DateOnly(2026, 1, 1)));
        Assert.Equal(["PB_UMKU", "TENDER"], Book.InForceFor("35.77", new DateOnly(2026, 1, 1)).Select(r => r.LicenceType));
    }

    [Theory]
    [InlineData("""{ "format": 2, "rules": [] }""", "format")]
    [InlineData("""{ "format": 1, "rules": [ { "licence_type": "pbg", "name_id": "a", "name_en": "a", "region_code": "35.77", "effective_from": "2022-01-01", "legal_basis": "x" } ] }""", "licence_type")]
    [InlineData("""{ "format": 1, "rules": [ { "licence_type": "PBG", "name_id": "a", "name_en": "a", "region_code": "35", "effective_from": "2022-01-01", "legal_basis": "x" } ] }""", "region_code")]
    [InlineData("""{ "format": 1, "rules": [ { "licence_type": "PBG", "name_id": "a", "name_en": "a", "region_code": "35.77", "effective_from": "2022-01-01", "legal_basis": " " } ] }""", "legal_basis")]
    [InlineData("""{ "format": 1, "rules": [ { "licence_type": "PBG", "name_id": "a", "name_en": "a", "region_code": "35.77", "effective_from": "2022-01-01", "legal_basis": "x", "outcomes": { "PDS_WAGE": "MAYBE" } } ] }""", "PDS_WAGE")]
    [InlineData("""{ "format": 1, "rules": [ { "licence_type": "PBG", "name_id": "a", "name_en": "a", "region_code": "35.77", "effective_from": "2022-01-01", "legal_basis": "x", "exempt_mikro": true } ] }""", "exempt_mikro")]
    public void A_bad_rules_file_is_refused_naming_what_is_wrong(string json, string named)
    {
        var error = Assert.Throws<LicenceRuleFormatException>(() => LicenceRuleParser.Parse(json, "bad.json"));
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Outcome_maps_round_trip_through_their_stored_text()
    {
        var text = LicenceRule.FormatOutcomes(LicenceRule.DefaultOutcomes);
        Assert.Equal("NOT_REGISTERED=TOLAK,ARREARS=TOLAK,PDS_WORKERS=TOLAK,PDS_WAGE=TINJAU,PDS_PROGRAM=TINJAU,SANCTIONED=TOLAK", text);
        Assert.Equal(LicenceRule.DefaultOutcomes, LicenceRule.ParseOutcomes(text, out _)!);
        Assert.Null(LicenceRule.ParseOutcomes("ARREARS=NO", out var bad));
        Assert.Equal("ARREARS=NO", bad);
    }
}
