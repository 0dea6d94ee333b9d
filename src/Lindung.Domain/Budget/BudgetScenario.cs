using Lindung.Domain.Contributions;

namespace Lindung.Domain.Budget;

/// <summary>
/// A budget question: what protecting these groups costs month by month from <see cref="From"/>
/// for <see cref="Months"/> months with the rates in force in each month.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>WageIncreasePercent</c>: What-if: every PU wage and BPU income raised by this percentage (0 for none).</item>
/// <item><c>JpCapGrowthPercent</c>: The growth assumed for JP wage caps not yet announced (PP 45/2015 Pasal 29: last cap × (1 + GDP growth)); null uses the planning assumption in the rate book.</item>
/// </list>
/// </remarks>
public sealed record BudgetScenario(
    ContributionMonth From,
    int Months,
    IReadOnlyList<BudgetGroup> Groups,
    decimal WageIncreasePercent = 0m,
    decimal? JpCapGrowthPercent = null,
    BudgetRosterOptions? Roster = null,
    BudgetVillageOptions? FosteredVillages = null)
{
    /// <summary>The longest plan: ten years is more than any budget cycle needs.</summary>
    public const int MaxMonths = 120;

    public ContributionMonth Until => From.AddMonths(Months - 1);
}

/// <summary>
/// Workers planned alike: <see cref="Count"/> people of one segment with one wage (PU) or declared
/// income (BPU), one program set and one payer.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>RiskGroup</c>: PU only: the JKK risk group 1–5.</item>
/// <item><c>Occupation</c>: BPU only: decides the PP 50/2025 discount window.</item>
/// <item><c>Line</c>: groups with the same line are reported as one (an agency's staff at their several roster wages); null reports the group alone.</item>
/// </list>
/// </remarks>
public sealed record BudgetGroup(
    string Name,
    Segment Segment,
    int Count,
    long Amount,
    int? RiskGroup,
    IReadOnlyList<ContributionProgram> Programs,
    BudgetPayer Payer,
    BpuSector Occupation = BpuSector.Other,
    string? Line = null);

/// <summary>How the agencies' roster staff are priced when a scenario includes them: PU at their roster wage.</summary>
public sealed record BudgetRosterOptions(IReadOnlyList<ContributionProgram> Programs, int RiskGroup, BudgetPayer Payer)
{
    /// <summary>One group per agency and wage: a roster's staff as the planner prices them, reported one line per agency.</summary>
    public BudgetGroup Group(string agency, long wage, int count) =>
        new($"{agency} ({wage})", Segment.Pu, count, wage, RiskGroup, Programs, Payer, Line: agency);
}

/// <summary>
/// How the fostered villages' waiting workers are priced when a scenario includes them: BPU at one
/// declared income, or (null) the BPU minimum income in force in the plan's first month.
/// </summary>
public sealed record BudgetVillageOptions(long? Income, IReadOnlyList<ContributionProgram> Programs, BudgetPayer Payer, BpuSector Occupation)
{
    /// <summary>One village's waiting workers as a group, reported as its own line.</summary>
    public BudgetGroup Group(string line, int count, RateBook rates, ContributionMonth from) =>
        new(line, Segment.Bpu, count, Income ?? rates.BpuMinimumIncome(from), null, Programs, Payer, Occupation, Line: line);
}
