using Lindung.Domain.Contributions;
using static Lindung.Domain.Tests.Contributions.BuiltInRates;

namespace Lindung.Domain.Tests.Contributions;

public class RateBookParserTests
{
    [Fact]
    public void Parses_a_row_with_its_dates_status_and_source()
    {
        var entry = Assert.Single(Source("admin.json", CapRow("2027-03", "2028-02", 11_650_000)).Entries);

        Assert.Equal("pu.jp.wage_cap", entry.Id);
        Assert.Equal(Month("2027-03"), entry.ValidFrom);
        Assert.Equal(Month("2028-02"), entry.ValidTo);
        Assert.Equal(11_650_000m, entry.Value);
        Assert.Equal(SourceStatus.Unconfirmed, entry.Status);
        Assert.Equal("admin.json (version test)", entry.Source);
    }

    [Fact]
    public void Rejects_overlapping_ranges_within_one_file()
    {
        var ex = Assert.Throws<RateBookFormatException>(() =>
            Source("admin.json", CapRow("2027-03", "2028-02", 1), CapRow("2028-02", null, 2)));
        Assert.Contains("overlapping", ex.Message, StringComparison.Ordinal);
        Assert.Contains("pu.jp.wage_cap", ex.Message, StringComparison.Ordinal);
        Assert.Contains("admin.json", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Accepts_adjacent_ranges_within_one_file() =>
        Assert.Equal(2, Source("admin.json", CapRow("2027-03", "2028-02", 1), CapRow("2028-03", null, 2)).Entries.Count);

    public static TheoryData<string, string> BadRows => new()
    {
        { """{ "id": "pu.jp.wage_caps", "valid_from": "2027-03", "unit": "rupiah", "value": 1, "legal_basis": "x", "status": "SINGLE" }""", "unknown parameter id" },
        { """{ "id": "pu.jp.wage_cap", "valid_from": "2027-3", "unit": "rupiah", "value": 1, "legal_basis": "x", "status": "SINGLE" }""", "valid_from '2027-3'" },
        { """{ "id": "pu.jp.wage_cap", "unit": "rupiah", "value": 1, "legal_basis": "x", "status": "SINGLE" }""", "valid_from is required" },
        { """{ "id": "pu.jp.wage_cap", "valid_from": "2027-03", "valid_to": "2027-02", "unit": "rupiah", "value": 1, "legal_basis": "x", "status": "SINGLE" }""", "before valid_from" },
        { """{ "id": "pu.jp.wage_cap", "valid_from": "2027-03", "unit": "percent", "value": 1, "legal_basis": "x", "status": "SINGLE" }""", "unit must be \"rupiah\"" },
        { """{ "id": "pu.jp.wage_cap", "valid_from": "2027-03", "unit": "rupiah", "value": 1.5, "legal_basis": "x", "status": "SINGLE" }""", "whole number" },
        { """{ "id": "pu.jp.wage_cap", "valid_from": "2027-03", "unit": "rupiah", "value": -1, "legal_basis": "x", "status": "SINGLE" }""", "negative" },
        { """{ "id": "pu.jp.wage_cap", "valid_from": "2027-03", "unit": "rupiah", "value": 1, "status": "SINGLE" }""", "legal_basis is required" },
        { """{ "id": "pu.jp.wage_cap", "valid_from": "2027-03", "unit": "rupiah", "value": 1, "legal_basis": "x", "status": "MAYBE" }""", "status must be" },
        { """{ "id": "pu.jp.wage_cap", "valid_from": "2027-03", "unit": "rupiah", "values": [1], "legal_basis": "x", "status": "SINGLE" }""", "exactly one field \"value\"" },
        { """{ "id": "pu.jp.wage_cap", "valid_from": "2027-03", "valid_too": "2028-02", "unit": "rupiah", "value": 1, "legal_basis": "x", "status": "SINGLE" }""", "valid_too" },
        { """{ "id": "jakon.contract.jkk", "valid_from": "2027-03", "unit": "percent", "tiers": [ { "up_to": 100, "rate": 0.2 }, { "up_to": 50, "rate": 0.1 }, { "up_to": null, "rate": 0.1 } ], "legal_basis": "x", "status": "SINGLE" }""", "increasing up_to" },
        { """{ "id": "jakon.contract.jkk", "valid_from": "2027-03", "unit": "percent", "tiers": [ { "up_to": 100, "rate": 0.2 } ], "legal_basis": "x", "status": "SINGLE" }""", "\"up_to\": null" },
        { """{ "id": "pmi.packages", "valid_from": "2027-03", "unit": "rupiah", "packages": [ { "months": 6, "amount": 1 }, { "months": 6, "amount": 2 } ], "legal_basis": "x", "status": "SINGLE" }""", "distinct months" },
        { """{ "id": "pmi.jht_amounts", "valid_from": "2027-03", "unit": "rupiah", "values": [ 50000, 50000 ], "legal_basis": "x", "status": "SINGLE" }""", "distinct positive" },
    };

    [Theory]
    [MemberData(nameof(BadRows))]
    public void Rejects_a_bad_row_naming_the_problem(string row, string expected)
    {
        var ex = Assert.Throws<RateBookFormatException>(() => Source("admin.json", row));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.StartsWith("admin.json", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "format": 2, "parameters": [] }""", "format 2")]
    [InlineData("""not json""", "not a valid rate file")]
    [InlineData("""null""", "empty rate file")]
    public void Rejects_a_bad_file(string json, string expected)
    {
        var ex = Assert.Throws<RateBookFormatException>(() => RateBookParser.Parse(json, "admin.json"));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }
}
