namespace Lindung.Domain.Matching;

/// <summary>
/// A <see cref="MatchModel"/> turned into tables, for scoring many candidate pairs: the weight of
/// every birth date × sex × region combination summed once, and whether any name could lift that
/// combination to the review threshold (most candidates are passed over on that alone, before
/// their names are compared). Gives the model's own scores. A common name only ever lowers a
/// score (<see cref="MatchModel.CommonNameBits"/>), so the tables, built for the rarest name, stay
/// a safe bound for every name.
/// </summary>
internal sealed class MatchScorer
{
    public const int Combinations = 4 * 3 * 4;

    private readonly double[] _otherWeight = new double[Combinations];
    private readonly bool[] _canReachReview = new bool[Combinations];
    private readonly double[] _nameNeeded = new double[Combinations];
    private readonly double[] _bandAtLeast;
    private readonly double[] _bandWeight;
    private readonly double _priorOdds;

    public MatchScorer(MatchModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Model = model;
        _bandAtLeast = [.. model.NameBands.Select(b => b.AtLeast)];
        _bandWeight = [.. model.NameBands.Select(b => b.Probabilities.Weight)];
        _priorOdds = model.PriorMatchProbability / (1 - model.PriorMatchProbability);
        foreach (var birth in Enum.GetValues<BirthDateAgreement>())
        {
            foreach (var sex in Enum.GetValues<FieldAgreement>())
            {
                foreach (var region in Enum.GetValues<RegionAgreement>())
                {
                    var combination = Combination(birth, sex, region);
                    _otherWeight[combination] = model.BirthDate[birth].Weight + model.Sex[sex].Weight + model.Region[region].Weight;
                    _canReachReview[combination] = model.Score(new MatchEvidence(1, birth, sex, region)) >= model.ReviewAt;
                    _nameNeeded[combination] = model.NameBands
                        .Select(b => b.AtLeast)
                        .Where(atLeast => model.Score(new MatchEvidence(atLeast, birth, sex, region)) >= model.ReviewAt)
                        .DefaultIfEmpty(1)
                        .Min();
                }
            }
        }
    }

    public MatchModel Model { get; }

    public static int Combination(BirthDateAgreement birth, FieldAgreement sex, RegionAgreement region) =>
        (((int)birth * 3) + (int)sex) * 4 + (int)region;

    /// <summary>Whether an identical name would bring a pair with these other fields to review.</summary>
    public bool CanReachReview(int combination) => _canReachReview[combination];

    /// <summary>The least name similarity that brings a pair with these other fields to review (bands are steps, so a band's floor).</summary>
    public double NameNeeded(int combination) => _nameNeeded[combination];

    /// <summary><see cref="MatchModel.Score"/> of a pair with this name similarity, these other fields and this many bearers of the name.</summary>
    public double Score(double nameScore, int combination, int nameBearers = 0)
    {
        var band = 0;
        while (band < _bandAtLeast.Length - 1 && nameScore < _bandAtLeast[band])
        {
            band++;
        }

        var odds = _priorOdds * Math.Pow(2, Model.NameWeight(_bandWeight[band], nameBearers) + _otherWeight[combination]);
        return odds / (1 + odds);
    }

    public static FieldAgreement CompareSex(sbyte a, sbyte b) =>
        a < 0 || b < 0 ? FieldAgreement.Missing : a == b ? FieldAgreement.Agree : FieldAgreement.Disagree;

    /// <summary>Districts as numbers (province·10000 + regency·100 + district), -1 when unknown.</summary>
    public static RegionAgreement CompareDistricts(int a, int b) =>
        a < 0 || b < 0 ? RegionAgreement.Missing
        : a == b ? RegionAgreement.SameDistrict
        : a / 100 == b / 100 ? RegionAgreement.SameRegency
        : RegionAgreement.Different;
}
