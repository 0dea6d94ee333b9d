using Lindung.Domain.Contributions;

namespace Lindung.Domain.Tests.Contributions;

/// <summary>The rate book shipped in src/Lindung/Rates/rates.json, plus small helpers for inline books.</summary>
internal static class BuiltInRates
{
    private static readonly Lazy<RateBook> Lazy = new(() =>
        new RateBook([RateBookParser.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Rates", "rates.json")), "rates.json")]));

    public static RateBook Book => Lazy.Value;

    public static ContributionMonth Month(string text) => ContributionMonth.Parse(text);

    /// <summary>A one-file rate source from rows written as JSON objects.</summary>
    public static RateSource Source(string name, params string[] rows) =>
        RateBookParser.Parse($$"""{ "format": 1, "version": "test", "parameters": [ {{string.Join(",", rows)}} ] }""", name);

    public static string CapRow(string from, string? to, long value) =>
        $$"""{ "id": "pu.jp.wage_cap", "valid_from": "{{from}}", "valid_to": {{(to is null ? "null" : $"\"{to}\"")}}, "unit": "rupiah", "value": {{value}}, "legal_basis": "test", "status": "UNCONFIRMED" }""";

    public static long Amount(ContributionResult result, ContributionProgram program, Payer payer) =>
        result.Lines.Where(l => !l.Note && l.Program == program && l.Payer == payer).Sum(l => l.Amount);
}
