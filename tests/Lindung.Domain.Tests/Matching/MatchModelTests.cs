using CsCheck;
using Lindung.Domain.Identifiers;
using Lindung.Domain.Matching;

namespace Lindung.Domain.Tests.Matching;

public class MatchModelTests
{
    private static readonly MatchModel Model = MatchModel.Default;

    [Fact]
    public void Same_name_birth_date_sex_and_district_is_a_confident_match()
    {
        var score = Model.Score(Evidence("Hj. Siti Aminah, S.Pd.", "SITI AMINAH", BirthDateAgreement.Exact, FieldAgreement.Agree, RegionAgreement.SameDistrict));
        Assert.True(score > 0.99, $"{score}");
    }

    [Fact]
    public void Twins_share_everything_but_the_given_name_and_stay_apart()
    {
        var twins = Model.Score(Evidence("Dwi Santoso", "Tri Santoso", BirthDateAgreement.Exact, FieldAgreement.Agree, RegionAgreement.SameDistrict));
        var sameDayStrangers = Model.Score(Evidence("Agus Santoso", "Budi Hartono", BirthDateAgreement.Exact, FieldAgreement.Agree, RegionAgreement.SameDistrict));
        Assert.True(twins < Model.ReviewAt, $"twins {twins}");

        // The district is strong evidence since it was re-estimated (one of dozens), but a name that
        // disagrees still keeps a same-day neighbour far from review.
        Assert.True(sameDayStrangers < Model.ReviewAt / 2, $"strangers {sameDayStrangers}");
    }

    [Fact]
    public void A_typo_in_the_name_is_forgiven_when_everything_else_agrees()
    {
        var score = Model.Score(Evidence("Sri Wahyuni", "Sri Wahyni", BirthDateAgreement.Exact, FieldAgreement.Agree, RegionAgreement.SameDistrict));
        Assert.True(score > 0.95, $"{score}");
    }

    [Fact]
    public void Better_agreement_on_any_field_never_lowers_the_score()
    {
        var names = Gen.Double[0, 1];
        var dates = Gen.Enum<BirthDateAgreement>().Where(d => d != BirthDateAgreement.Missing);
        var sexes = Gen.Enum<FieldAgreement>().Where(s => s != FieldAgreement.Missing);
        var regions = Gen.Enum<RegionAgreement>().Where(r => r != RegionAgreement.Missing);
        Gen.Select(names, names, dates, sexes, regions).Sample((n1, n2, date, sex, region) =>
        {
            var (low, high) = n1 <= n2 ? (n1, n2) : (n2, n1);
            var worse = new MatchEvidence(low, date, sex, region);
            var better = new MatchEvidence(high, BirthDateAgreement.Exact, FieldAgreement.Agree, RegionAgreement.SameDistrict);
            return Model.Score(better) >= Model.Score(worse);
        });
    }

    [Fact]
    public void A_common_name_agreeing_is_weaker_evidence_than_a_rare_one()
    {
        var evidence = new MatchEvidence(1, BirthDateAgreement.Exact, FieldAgreement.Agree, RegionAgreement.Missing);
        var rare = Model.Score(evidence with { NameBearers = 1 });
        Assert.Equal(Model.Score(evidence), rare);
        Assert.Equal(rare, Model.Score(evidence with { NameBearers = Model.CommonNameBearers }));
        Assert.True(Model.Score(evidence with { NameBearers = Model.CommonNameBearers * 64 }) < Model.AcceptAt, "a name 64 times too common no longer decides alone");
        Assert.True(Model.Score(evidence with { NameBearers = Model.CommonNameBearers * 4 }) < rare);
    }

    [Fact]
    public void A_common_name_never_helps_a_name_that_disagrees()
    {
        var evidence = new MatchEvidence(0.5, BirthDateAgreement.Exact, FieldAgreement.Agree, RegionAgreement.SameDistrict);
        Assert.Equal(Model.Score(evidence), Model.Score(evidence with { NameBearers = 100_000 }));
    }

    [Fact]
    public void The_scoring_tables_give_the_models_score_and_bound_it_for_every_name()
    {
        var scorer = new MatchScorer(Model);
        var bands = Gen.Int[0, 5].Select(i => new[] { 1.0, 0.97, 0.94, 0.9, 0.88, 0.5 }[i]);
        Gen.Select(bands, Gen.Enum<BirthDateAgreement>(), Gen.Enum<FieldAgreement>(), Gen.Enum<RegionAgreement>(), Gen.Int[0, 1_000_000])
            .Sample((name, birth, sex, region, bearers) =>
            {
                var combination = MatchScorer.Combination(birth, sex, region);
                var expected = Model.Score(new MatchEvidence(name, birth, sex, region, bearers));
                var reachable = expected < Model.ReviewAt || (scorer.CanReachReview(combination) && name >= scorer.NameNeeded(combination));
                return Math.Abs(scorer.Score(name, combination, bearers) - expected) < 1e-12 && reachable;
            });
    }

    [Fact]
    public void Missing_fields_are_neutral()
    {
        var evidence = new MatchEvidence(1.0, BirthDateAgreement.Missing, FieldAgreement.Missing, RegionAgreement.Missing);
        var nameOnly = Model.Score(evidence);
        Assert.Equal(Model.Score(evidence with { NameScore = 1.0 }), nameOnly);
        Assert.True(nameOnly < Model.Score(evidence with { BirthDate = BirthDateAgreement.Exact }));
        Assert.True(nameOnly > Model.Score(evidence with { BirthDate = BirthDateAgreement.Different }));
    }

    [Theory]
    [InlineData("1990-03-12", "1990-03-12", BirthDateAgreement.Exact)]
    [InlineData("1990-03-12", "1990-12-03", BirthDateAgreement.Near)]
    [InlineData("1990-03-12", "1990-03-13", BirthDateAgreement.Near)]
    [InlineData("1990-03-12", "1991-03-12", BirthDateAgreement.Near)]
    [InlineData("1990-03-12", "1985-07-01", BirthDateAgreement.Different)]
    public void Birth_dates_compare_with_slips_in_mind(string a, string b, BirthDateAgreement expected) =>
        Assert.Equal(expected, MatchEvidence.CompareBirthDates(DateOnly.Parse(a, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(b, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Regions_compare_by_district_then_regency()
    {
        Assert.Equal(RegionAgreement.SameDistrict, MatchEvidence.CompareRegions("35.77.01", "35.77.01.1001"));
        Assert.Equal(RegionAgreement.SameRegency, MatchEvidence.CompareRegions("35.77.01", "35.77.02"));
        Assert.Equal(RegionAgreement.Different, MatchEvidence.CompareRegions("35.77.01", "35.19.01"));
        Assert.Equal(RegionAgreement.Missing, MatchEvidence.CompareRegions(null, "35.19.01"));
        Assert.Equal(FieldAgreement.Disagree, MatchEvidence.Compare<Sex>(Sex.L, Sex.P));
        Assert.Equal(FieldAgreement.Missing, MatchEvidence.Compare<Sex>(null, Sex.P));
    }

    private static MatchEvidence Evidence(string a, string b, BirthDateAgreement date, FieldAgreement sex, RegionAgreement region) =>
        new(NameSimilarity.Score(PersonName.Normalize(a), PersonName.Normalize(b)), date, sex, region);
}
