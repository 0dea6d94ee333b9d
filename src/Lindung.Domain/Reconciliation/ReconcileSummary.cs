namespace Lindung.Domain.Reconciliation;

/// <summary>The tally of a reconciliation: rows per outcome and covered rows with a gap.</summary>
public sealed class ReconcileSummary
{
    private readonly long[] _byOutcome = new long[Enum.GetValues<ReconcileOutcome>().Length];

    public long Rows { get; private set; }

    public long WithGaps { get; private set; }

    public long Covered => Count(ReconcileOutcome.CoveredActive) + Count(ReconcileOutcome.CoveredInactive);

    public static ReconcileSummary Of(IEnumerable<ReconcileResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var summary = new ReconcileSummary();
        foreach (var r in results)
        {
            summary.Add(r.Outcome, r.Gaps);
        }

        return summary;
    }

    public long Count(ReconcileOutcome outcome) => _byOutcome[(int)outcome];

    public void Add(ReconcileOutcome outcome, CoverageGap gaps)
    {
        Rows++;
        _byOutcome[(int)outcome]++;
        WithGaps += gaps == CoverageGap.None ? 0 : 1;
    }
}
