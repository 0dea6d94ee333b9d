using Lindung.Domain.Areas;
using Lindung.Domain.Identifiers;
using Lindung.Domain.Matching;
using Lindung.Domain.Reconciliation;
using Lindung.Domain.Rosters;

namespace Lindung.Domain.Tests.Reconciliation;

public class ReconcilerTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);
    private const ProgramSet Full = ProgramSet.Jkk | ProgramSet.Jkm | ProgramSet.Jht;

    // Kartoharjo, Kota Madiun (35.77.01).
    private static readonly MemberRecord[] Members =
    [
        new("11111111111", "3577011203900001", "Budi Santoso", new(1990, 3, 12), Sex.L, true, Full, 3_000_000),
        new("22222222222", "3577015506850003", "Siti Aminah", new(1985, 6, 15), Sex.P, true, Full, 2_500_000),
        new("33333333333", "3577010101800001", "Muhammad Yusuf", new(1980, 1, 1), Sex.L, true, Full, 1_000_000),
        new("44444444444", "3577012007950001", "Dwi Santoso", new(1995, 7, 20), Sex.L, true, Full, 2_000_000),
        new("55555555555", "3577014408920001", "Sumarni", new(1992, 8, 4), Sex.P, false, Full, 2_000_000),
        new("66666666666", "3577011111880001", "Agus Wibowo", new(1988, 11, 11), Sex.L, true, ProgramSet.Jkk, 2_000_000),
        new("77777777777", "3577014302910001", "Ratna Sari", new(1991, 2, 3), Sex.P, true, Full, 2_000_000),
    ];

    private static ReconcileResult One(RosterRecord row, ReconcileSettings? settings = null) =>
        Assert.Single(Run([row], settings));

    private static IReadOnlyList<ReconcileResult> Run(RosterRecord[] rows, ReconcileSettings? settings = null)
    {
        var index = MemberIndex.Build(Members, new NikValidator(AreaDirectory.Embedded), Today);
        return new Reconciler(index, settings ?? ReconcileSettings.Default).Run(rows);
    }

    private static RosterRecord Row(string nik, string name, DateOnly? birth, Sex? sex = null, long? wage = null) =>
        new(2, nik, name, birth, sex, "35.77.01", wage);

    [Fact]
    public void Exact_nik_after_spreadsheet_repair()
    {
        var r = One(Row("'3577 0112 0390 0001", "Budi Santoso", null, wage: 3_000_000));
        Assert.Equal((ReconcileOutcome.CoveredActive, MatchMethod.Nik, "11111111111", CoverageGap.None), (r.Outcome, r.Method, r.Kpj, r.Gaps));
        Assert.Equal(1, r.Score);
    }

    [Fact]
    public void A_nik_one_digit_off_is_repaired_when_name_and_birth_date_confirm()
    {
        var r = One(Row("3577015506850008", "Siti Aminah", new(1985, 6, 15)));
        Assert.Equal((ReconcileOutcome.CoveredActive, MatchMethod.NikRepaired, "22222222222"), (r.Outcome, r.Method, r.Kpj));
        Assert.True(r.Score >= 0.9, $"{r.Score}");
    }

    [Fact]
    public void A_nik_one_digit_off_with_another_name_is_not_repaired()
    {
        var r = One(Row("3577015506850008", "Rina Ningsih", new(1985, 6, 15)));
        Assert.Null(r.Kpj);
        Assert.NotEqual(MatchMethod.NikRepaired, r.Method);
    }

    [Fact]
    public void No_nik_but_name_with_title_and_muhammad_variant_and_birth_date()
    {
        var r = One(Row("", "H. Mochammad Yusuf, S.Pd.", new(1980, 1, 1), Sex.L));
        Assert.Equal((ReconcileOutcome.CoveredActive, MatchMethod.NameDob, "33333333333"), (r.Outcome, r.Method, r.Kpj));
    }

    [Fact]
    public void An_invalid_nik_with_a_valid_name_and_birth_date_is_matched_by_name()
    {
        var r = One(Row("3.57701E+15", "Ratna Sari", new(1991, 2, 3), Sex.P));
        Assert.Equal((MatchMethod.NameDob, "77777777777"), (r.Method, r.Kpj));
    }

    [Theory]
    [InlineData("3577012007950002")]
    [InlineData("")]
    public void A_twin_is_never_given_the_other_twins_kpj(string nik)
    {
        var r = One(Row(nik, "Tri Santoso", new(1995, 7, 20), Sex.L));
        Assert.Contains(r.Outcome, new[] { ReconcileOutcome.NeedsReview, ReconcileOutcome.NotRegistered });
        Assert.Null(r.Kpj);
    }

    [Fact]
    public void Two_candidates_both_high_go_to_review()
    {
        var twins = Members.Append(new("88888888888", "", "Budi Santoso", new(1990, 3, 12), Sex.L, true, Full, 3_000_000)).ToArray();
        var index = MemberIndex.Build(twins, new NikValidator(AreaDirectory.Embedded), Today);
        var r = Assert.Single(new Reconciler(index, ReconcileSettings.Default).Run([Row("", "Budi Santoso", new(1990, 3, 12), Sex.L)]));
        Assert.Equal(ReconcileOutcome.NeedsReview, r.Outcome);
        Assert.Null(r.Kpj);
    }

    [Theory]
    [InlineData(1991, 2, 4)]
    [InlineData(1991, 3, 2)]
    public void A_slipped_birth_date_without_a_nik_goes_to_review_even_for_a_rare_name(int year, int month, int day)
    {
        var r = One(Row("", "Ratna Sari", new(year, month, day), Sex.P));
        Assert.Equal(ReconcileOutcome.NeedsReview, r.Outcome);
        Assert.Equal("77777777777", Assert.Single(r.Candidates).Kpj);
    }

    [Fact]
    public void A_slipped_birth_date_with_a_nik_one_slip_away_is_still_repaired()
    {
        var r = One(Row("3577014302910002", "Ratna Sari", new(1991, 2, 4), Sex.P));
        Assert.Equal((MatchMethod.NikRepaired, "77777777777"), (r.Method, r.Kpj));
    }

    [Fact]
    public void A_name_many_members_bear_is_not_matched_on_name_birth_date_and_sex_alone()
    {
        var crowded = CrowdOfAndis();
        var common = MatchModel.Default with { CommonNameBearers = 2 };
        var row = new RosterRecord(2, "", "Andi", new(1980, 1, 21), Sex.L, null, null);

        var alone = Assert.Single(new Reconciler(crowded, ReconcileSettings.Default with { Model = common }).Run([row]));
        var rare = Assert.Single(new Reconciler(crowded, ReconcileSettings.Default).Run([row]));

        Assert.Equal((ReconcileOutcome.NeedsReview, (string?)null), (alone.Outcome, alone.Kpj));
        Assert.Equal((ReconcileOutcome.CoveredActive, "90000000020"), (rare.Outcome, rare.Kpj));
    }

    [Fact]
    public void A_rare_identical_name_with_the_same_birth_date_and_district_is_matched_beside_a_crowd()
    {
        var common = MatchModel.Default with { CommonNameBearers = 2 };
        var r = Assert.Single(new Reconciler(CrowdOfAndis(), ReconcileSettings.Default with { Model = common })
            .Run([Row("", "Agus Wibowo", new(1988, 11, 11), Sex.L)]));
        Assert.Equal((ReconcileOutcome.CoveredActive, MatchMethod.NameDob, "66666666666"), (r.Outcome, r.Method, r.Kpj));
    }

    /// <summary>The members above and forty men called Andi, each born on another day, without a NIK.</summary>
    private static MemberIndex CrowdOfAndis() => MemberIndex.Build(
        Members.Concat(Enumerable.Range(0, 40).Select(i =>
            new MemberRecord($"900000000{i:D2}", "", "Andi", new DateOnly(1980, 1, 1).AddDays(i), Sex.L, true, Full, 2_000_000))),
        new NikValidator(AreaDirectory.Embedded),
        Today);

    [Fact]
    public void A_row_without_a_usable_nik_and_without_name_and_birth_date_is_invalid()
    {
        Assert.Equal(ReconcileOutcome.InvalidRow, One(Row("3.57701E+15", "", null)).Outcome);
        Assert.Equal(ReconcileOutcome.InvalidRow, One(Row("", "Budi Santoso", null)).Outcome);
    }

    [Fact]
    public void Someone_not_in_the_extract_is_not_registered()
    {
        var r = One(Row("3577010505000001", "Rudi Hartono", new(2000, 5, 5), Sex.L));
        Assert.Equal((ReconcileOutcome.NotRegistered, MatchMethod.None, (string?)null), (r.Outcome, r.Method, r.Kpj));
    }

    [Fact]
    public void An_inactive_membership_is_covered_inactive()
    {
        Assert.Equal(ReconcileOutcome.CoveredInactive, One(Row("3577014408920001", "Sumarni", null)).Outcome);
    }

    [Fact]
    public void Gaps_wage_underreported_and_program_missing()
    {
        Assert.Equal(CoverageGap.WageUnderreported, One(Row("3577011203900001", "Budi Santoso", null, wage: 3_500_000)).Gaps);
        Assert.Equal(CoverageGap.ProgramMissing, One(Row("3577011111880001", "Agus Wibowo", null)).Gaps);
        Assert.Equal("WAGE_UNDERREPORTED;PROGRAM_MISSING", ReconcileCodes.Of(CoverageGap.WageUnderreported | CoverageGap.ProgramMissing));

        var strict = ReconcileSettings.Default with { RequiredPrograms = ProgramSet.Jkk | ProgramSet.Jkm | ProgramSet.Jht | ProgramSet.Jp };
        Assert.Equal(CoverageGap.ProgramMissing, One(Row("3577011203900001", "Budi Santoso", null), strict).Gaps);
    }

    [Fact]
    public void A_member_is_claimed_automatically_by_one_row_only()
    {
        var results = Run([Row("3577011203900001", "Budi Santoso", null) with { Row = 2 }, Row("", "Budi Santoso", new(1990, 3, 12), Sex.L) with { Row = 3 }]);
        Assert.Equal((ReconcileOutcome.CoveredActive, "11111111111"), (results[0].Outcome, results[0].Kpj));
        Assert.Equal((ReconcileOutcome.NeedsReview, (string?)null), (results[1].Outcome, results[1].Kpj));
    }

    [Fact]
    public void The_same_nik_under_another_name_goes_to_review()
    {
        var r = One(Row("3577011203900001", "Yohanes Paulus", new(1990, 3, 12)));
        Assert.Equal((ReconcileOutcome.NeedsReview, (string?)null), (r.Outcome, r.Kpj));
    }
}
