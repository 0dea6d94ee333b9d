namespace Lindung.Domain.Coverage;

/// <summary>The traffic light a leader reads first: on target, close to it, or far behind.</summary>
public enum CoverageClass
{
    /// <summary>No target set, so no judgement.</summary>
    None,
    Green,
    Yellow,
    Red,
}

/// <summary>
/// Where the light switches, as shares of the target in basis points: by default green at or above
/// the target (10000 = 100% of it) and yellow at or above 80% of it (8000); red below.
/// </summary>
public sealed record CoverageThresholds(int GreenBasisPointsOfTarget, int YellowBasisPointsOfTarget)
{
    public static CoverageThresholds Default { get; } = new(10_000, 8_000);

    /// <summary>Null when the pair is usable (0 &lt; yellow ≤ green ≤ 20000), else why not.</summary>
    public string? Problem() =>
        YellowBasisPointsOfTarget <= 0 ? "yellow must be above 0"
        : GreenBasisPointsOfTarget < YellowBasisPointsOfTarget ? "green must not be below yellow"
        : GreenBasisPointsOfTarget > 20_000 ? "green must be at most 200% of the target"
        : null;

    /// <summary>
    /// The class of <paramref name="covered"/> out of <paramref name="eligible"/> against a target in
    /// basis points. Exact integer arithmetic, so a region at exactly the threshold is never flipped by rounding.
    /// </summary>
    public CoverageClass Classify(long covered, long eligible, int? targetBasisPoints)
    {
        if (targetBasisPoints is not { } target || eligible <= 0)
        {
            return CoverageClass.None;
        }

        // covered/eligible ≥ target/10000 × threshold/10000  ⇔  covered × 10^8 ≥ eligible × target × threshold
        var scaled = (decimal)covered * 100_000_000m;
        if (scaled >= (decimal)eligible * target * GreenBasisPointsOfTarget)
        {
            return CoverageClass.Green;
        }

        return scaled >= (decimal)eligible * target * YellowBasisPointsOfTarget ? CoverageClass.Yellow : CoverageClass.Red;
    }
}
