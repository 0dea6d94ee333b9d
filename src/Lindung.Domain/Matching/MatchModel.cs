namespace Lindung.Domain.Matching;

/// <summary>
/// A Fellegi–Sunter record-linkage model: for each field and agreement level, m = P(level | same
/// person) and u = P(level | different people). A pair's weight is Σ log2(m/u); its score is the
/// posterior probability of a match given the prior odds of a candidate pair, so 0.9 means "nine
/// in ten pairs with this evidence are the same person". The defaults are hand-set first
/// estimates for candidate pairs that share a birth-date or district block; they are meant to be
/// re-estimated from labelled pairs (the reconciliation benchmark's ground truth, reviewed pairs).
/// </summary>
public sealed record MatchModel(
    IReadOnlyList<NameBand> NameBands,
    IReadOnlyDictionary<BirthDateAgreement, Probabilities> BirthDate,
    IReadOnlyDictionary<FieldAgreement, Probabilities> Sex,
    IReadOnlyDictionary<RegionAgreement, Probabilities> Region,
    double PriorMatchProbability)
{
    /// <summary>
    /// Candidate pairs come from blocks (same birth date, or same district and name key), so
    /// agreement on a blocking field says little (u is high) and the name carries the decision.
    /// </summary>
    public static MatchModel Default { get; } = new(
        NameBands:
        [
            // Re-estimated on the reconciliation benchmark: among blocked candidates an identical
            // folded name is common (popular names, name-keyed blocks), so u is 1 in 200, not 1 in 2,000;
            // a one-letter typo (0.88–0.94) is rarer among strangers than the first guess said.
            new NameBand(1.00, new Probabilities(0.70, 0.005)),
            new NameBand(0.94, new Probabilities(0.22, 0.01)),
            new NameBand(0.88, new Probabilities(0.07, 0.012)),
            new NameBand(0.00, new Probabilities(0.01, 0.955)),
        ],
        BirthDate: new Dictionary<BirthDateAgreement, Probabilities>
        {
            // A different birth date (not a slip) is strong evidence against: namesakes differ here.
            [BirthDateAgreement.Exact] = new(0.95, 0.1),
            // One digit apart is also what a namesake born days later looks like: weak evidence either way.
            [BirthDateAgreement.Near] = new(0.04, 0.08),
            [BirthDateAgreement.Different] = new(0.01, 0.88),
            [BirthDateAgreement.Missing] = new(1, 1),
        },
        Sex: new Dictionary<FieldAgreement, Probabilities>
        {
            [FieldAgreement.Agree] = new(0.99, 0.5),
            [FieldAgreement.Disagree] = new(0.01, 0.5),
            [FieldAgreement.Missing] = new(1, 1),
        },
        Region: new Dictionary<RegionAgreement, Probabilities>
        {
            // Re-estimated on the benchmarks' ground truth: a member's roster row names their own
            // district or none; another district is what a stranger with the same name and birth
            // date looks like in a large extract (kept above zero: people do move).
            [RegionAgreement.SameDistrict] = new(0.83, 0.1),
            [RegionAgreement.SameRegency] = new(0.15, 0.3),
            [RegionAgreement.Different] = new(0.02, 0.6),
            [RegionAgreement.Missing] = new(1, 1),
        },
        PriorMatchProbability: 0.1)
    {
        AcceptAt = 0.95,
        AcceptMarginBits = 4,
        ReviewAt = 0.5,
        RepairAt = 0.9,
        NikNameAtLeast = 0.7,
        NikConflictReviewAt = 0.995,
        CommonNameBearers = 35,
        NearBirthDateToReview = true,
    };

    /// <summary>
    /// A name borne by more members than this agrees by chance more often, so its agreement weighs
    /// one bit less per doubling beyond it: Fellegi–Sunter with the name's own u (its frequency in the
    /// extract) instead of one u for every name. Counted in the extract, not as a share of it, because
    /// chance namesakes on the same day grow with the extract's size. Rare names keep the band's weight.
    /// </summary>
    public int CommonNameBearers { get; init; } = 100;

    /// <summary>
    /// A name/birth-date match whose birth date is only near (day and month swapped, one digit off)
    /// goes to review unless a NIK one slip away supports it: a namesake born days apart in the same
    /// district looks exactly like a typed slip, and only a person can tell them apart.
    /// </summary>
    public bool NearBirthDateToReview { get; init; } = true;

    /// <summary>A name/birth-date candidate is accepted automatically at or above this score…</summary>
    public double AcceptAt { get; init; } = 0.95;

    /// <summary>
    /// …and only when its odds beat the runner-up's by this many bits (4 = sixteen times as likely):
    /// twins and namesakes born days apart stay with a person.
    /// </summary>
    public double AcceptMarginBits { get; init; } = 4;

    /// <summary>
    /// A candidate whose valid NIK is far from the roster's valid NIK is someone else unless all the
    /// rest agrees this strongly; then a person looks (a NIK copied from the wrong card).
    /// </summary>
    public double NikConflictReviewAt { get; init; } = 0.995;

    /// <summary>Below this the best candidate is not worth a person's time: not registered.</summary>
    public double ReviewAt { get; init; } = 0.5;

    /// <summary>A NIK one slip from a member's is repaired when name, birth date, sex and district score this high.</summary>
    public double RepairAt { get; init; } = 0.9;

    /// <summary>An exact NIK hit whose names are less alike than this goes to review (a NIK typed on the wrong row).</summary>
    public double NikNameAtLeast { get; init; } = 0.7;

    public double Weight(MatchEvidence evidence) =>
        NameWeight(NameBands.First(b => evidence.NameScore >= b.AtLeast).Probabilities.Weight, evidence.NameBearers)
        + BirthDate[evidence.BirthDate].Weight
        + Sex[evidence.Sex].Weight
        + Region[evidence.Region].Weight;

    /// <summary>
    /// A name band's weight for a name borne by <paramref name="bearers"/> members: an agreeing name
    /// (positive weight) loses <see cref="CommonNameBits"/> for being common; disagreement keeps its weight.
    /// </summary>
    public double NameWeight(double bandWeight, int bearers) => bandWeight > 0 ? bandWeight + CommonNameBits(bearers) : bandWeight;

    /// <summary>What an agreeing name loses for being common: 0, or minus log2 of how many times <see cref="CommonNameBearers"/> bear it.</summary>
    public double CommonNameBits(int bearers) => bearers > CommonNameBearers ? -Math.Log2((double)bearers / CommonNameBearers) : 0;

    /// <summary>How many bits (log2 of the odds ratio) the first score leads the second by.</summary>
    public static double LeadBits(double score, double runnerUp)
    {
        static double LogOdds(double p)
        {
            var clamped = Math.Clamp(p, 1e-12, 1 - 1e-12);
            return Math.Log2(clamped / (1 - clamped));
        }

        return LogOdds(score) - LogOdds(runnerUp);
    }

    /// <summary>Posterior probability (0–1) that the pair is the same person.</summary>
    public double Score(MatchEvidence evidence)
    {
        var priorOdds = PriorMatchProbability / (1 - PriorMatchProbability);
        var odds = priorOdds * Math.Pow(2, Weight(evidence));
        return odds / (1 + odds);
    }
}

/// <summary>Name similarity at or above <see cref="AtLeast"/> (bands ordered from the highest).</summary>
public sealed record NameBand(double AtLeast, Probabilities Probabilities);

public sealed record Probabilities(double M, double U)
{
    public double Weight => Math.Log2(M / U);
}
