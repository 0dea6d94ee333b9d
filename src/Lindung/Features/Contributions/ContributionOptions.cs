using System.CommandLine;
using Lindung.Cli;
using Lindung.Domain.Contributions;

namespace Lindung.Features.Contributions;

/// <summary>The options of <c>lindung contribution</c> and which segment each belongs to.</summary>
internal sealed class ContributionOptions
{
    public Option<string> Segment { get; } = new("--segment") { Description = "PU, BPU, JAKON or PMI.", Required = true };
    public Option<string> Month { get; } = new("--month") { Description = "Contribution (iuran) month, YYYY-MM.", Required = true };

    public Option<long?> Wage { get; } = new("--wage") { Description = "PU: monthly wage (upah pokok + tunjangan tetap), rupiah." };
    public Option<int?> RiskGroup { get; } = new("--risk-group") { Description = "PU: employer's JKK risk group, 1 to 5." };
    public Option<string?> Programs { get; } = new("--programs") { Description = "PU: comma-separated programs, e.g. JKK,JKM,JHT,JP." };
    public Option<string?> BusinessSize { get; } = new("--business-size") { Description = "PU: micro|small|medium|large; picks programs per Perpres 109/2013." };

    public Option<long?> Income { get; } = new("--income") { Description = "BPU: declared monthly income, rupiah." };
    public Option<bool> Jht { get; } = new("--jht") { Description = "BPU: include the optional JHT." };
    public Option<string?> Sector { get; } = new("--sector") { Description = "BPU: transport|other (PP 50/2025 discount period); default other." };
    public Option<bool> PaidByBudget { get; } = new("--paid-by-budget") { Description = "BPU: JKK+JKM paid from APBN/APBD, so no PP 50/2025 discount." };

    public Option<long?> ContractValue { get; } = new("--contract-value") { Description = "JAKON: contract value excluding PPN, rupiah (whole project)." };
    public Option<long?> Wages { get; } = new("--wages") { Description = "JAKON wage method: monthly wage per project worker, rupiah." };
    public Option<int?> Workers { get; } = new("--workers") { Description = "JAKON wage method: number of project workers." };
    public Option<int?> Months { get; } = new("--months") { Description = "JAKON wage method: project duration in months." };

    public Option<int?> ContractMonths { get; } = new("--contract-months") { Description = "PMI: employment contract length in months." };
    public Option<long?> JhtAmount { get; } = new("--jht-amount") { Description = "PMI: optional JHT per month (50000, 100000, 200000 … 600000)." };
    public Option<bool> PlacementAgency { get; } = new("--placement-agency") { Description = "PMI: placed via a placement agency (adds the pre-placement fee)." };

    public IEnumerable<Option> All =>
    [
        Segment, Month, Wage, RiskGroup, Programs, BusinessSize, Income, Jht, Sector, PaidByBudget,
        ContractValue, Wages, Workers, Months, ContractMonths, JhtAmount, PlacementAgency,
    ];

    /// <summary>Options of another segment are an error, so a mistyped segment never silently ignores an input.</summary>
    public void RejectOptionsOutside(Segment segment, ParseResult parse)
    {
        var own = OptionsOf(segment);
        var stray = All.Except([Segment, Month]).Except(own).FirstOrDefault(option => parse.GetResult(option) is { Implicit: false });
        if (stray is not null)
        {
            throw new UsageException($"{stray.Name} does not apply to segment {ContributionCommand.SegmentName(segment)}.");
        }
    }

    private Option[] OptionsOf(Segment segment) => segment switch
    {
        Domain.Contributions.Segment.Pu => [Wage, RiskGroup, Programs, BusinessSize],
        Domain.Contributions.Segment.Bpu => [Income, Jht, Sector, PaidByBudget],
        Domain.Contributions.Segment.Jakon => [ContractValue, Wages, Workers, Months],
        _ => [ContractMonths, JhtAmount, PlacementAgency],
    };
}
