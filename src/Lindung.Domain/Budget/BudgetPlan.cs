using Lindung.Domain.Contributions;

namespace Lindung.Domain.Budget;

/// <summary>
/// What a scenario costs. Every amount is whole rupiah: each worker's month is computed by the
/// contribution engine (one half-up rounding per line) and then multiplied by the group's count, so a
/// plan for 1,000 workers is exactly 1,000 times the bill of one.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>ByPayer</c>: What each payer carries: for PU the employer share, for BPU the whole contribution.</item>
/// <item><c>LegalBasis</c>: Every rate row the plan used, with its regulation and status (projections marked UNCONFIRMED).</item>
/// </list>
/// </remarks>
public sealed record BudgetPlan(
    ContributionMonth From,
    int Months,
    long Total,
    long EmployerTotal,
    long WorkerTotal,
    IReadOnlyList<BudgetPayerTotal> ByPayer,
    IReadOnlyList<BudgetGroupPlan> Groups,
    IReadOnlyList<BudgetMonth> ByMonth,
    IReadOnlyList<LegalBasisEntry> LegalBasis)
{
    /// <summary>What the reader should know about what the plan left out (e.g. roster staff without a wage).</summary>
    public IReadOnlyList<BudgetNote> Notes { get; init; } = [];
}

/// <summary>A remark on a plan: a stable code, the message in Bahasa Indonesia and English.</summary>
public sealed record BudgetNote(string Code, string MessageId, string MessageEn);

/// <summary>One group's cost over the plan, and month by month.</summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>PerWorkerFirstMonth</c>: One worker's contribution in the first month, for a reader checking the arithmetic.</item>
/// <item><c>PayerTotal</c>: What the group's payer carries: the employer share for PU, everything for BPU.</item>
/// </list>
/// </remarks>
public sealed record BudgetGroupPlan(
    string Name,
    Segment Segment,
    BudgetPayer Payer,
    int Count,
    long PerWorkerFirstMonth,
    long Total,
    long EmployerTotal,
    long WorkerTotal,
    long PayerTotal,
    IReadOnlyList<BudgetMonth> ByMonth);

/// <summary>One month of a group or of the whole plan.</summary>
public sealed record BudgetMonth(ContributionMonth Month, long Amount, long EmployerAmount, long WorkerAmount);

public sealed record BudgetPayerTotal(BudgetPayer Payer, long Amount);
