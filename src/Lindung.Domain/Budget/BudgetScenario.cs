using Lindung.Domain.Contributions;

namespace Lindung.Domain.Budget;

/// <summary>
/// A budget question: what protecting these groups costs month by month from <see cref="From"/>
/// for <see cref="Months"/> months with the rates in force in each month.
/// </summary>
/// <remarks><c>WageIncreasePercent</c>: What-if: every PU wage and BPU income raised by this percentage (0 for none).</remarks>
/// <remarks><c>JpCapGrowthPercent</c>: 
/// The growth assumed for JP wage caps not yet announced (PP 45/2015 Pasal 29: last cap × (1 + GDP growth));
/// null uses the planning assumption in the rate book.
/// </remarks>
public sealed record BudgetScenario(
    ContributionMonth From,
    int Months,
    IReadOnlyList<BudgetGroup> Groups,
    decimal WageIncreasePercent = 0m,
    decimal? JpCapGrowthPercent = null)
{
    /// <summary>The longest plan: ten years is more than any budget cycle needs.</summary>
    public const int MaxMonths = 120;

    public ContributionMonth Until => From.AddMonths(Months - 1);
}

/// <summary>
/// Workers planned alike: <see cref="Count"/> people of one segment with one wage (PU) or declared
/// income (BPU), one program set and one payer.
/// </summary>
/// <remarks><c>RiskGroup</c>: PU only: the JKK risk group 1–5.</remarks>
/// <remarks><c>Occupation</c>: BPU only: decides the PP 50/2025 discount window.</remarks>
public sealed record BudgetGroup(
    string Name,
    Segment Segment,
    int Count,
    long Amount,
    int? RiskGroup,
    IReadOnlyList<ContributionProgram> Programs,
    BudgetPayer Payer,
    BpuSector Occupation = BpuSector.Other);
