using Lindung.Domain.Contributions;
using static Lindung.Domain.Tests.Contributions.BuiltInRates;

namespace Lindung.Domain.Tests.Contributions;

public class PuCalculatorTests
{
    private static readonly ContributionProgram[] AllFour =
        [ContributionProgram.Jkk, ContributionProgram.Jkm, ContributionProgram.Jht, ContributionProgram.Jp];

    private static ContributionResult Pu(string month, long wage, int group, params ContributionProgram[] programs) =>
        PuCalculator.Calculate(new PuRequest(Month(month), wage, group, programs.Length == 0 ? AllFour : programs), Book);

    [Fact]
    public void Worked_example_A_wage_4m_group_II_May_2026()
    {
        var result = Pu("2026-05", 4_000_000, 2);

        Assert.Equal(21_600, Amount(result, ContributionProgram.Jkk, Payer.Employer));
        Assert.Equal(12_000, Amount(result, ContributionProgram.Jkm, Payer.Employer));
        Assert.Equal(148_000, Amount(result, ContributionProgram.Jht, Payer.Employer));
        Assert.Equal(80_000, Amount(result, ContributionProgram.Jht, Payer.Worker));
        Assert.Equal(80_000, Amount(result, ContributionProgram.Jp, Payer.Employer));
        Assert.Equal(40_000, Amount(result, ContributionProgram.Jp, Payer.Worker));
        Assert.Equal(261_600, result.EmployerTotal);
        Assert.Equal(120_000, result.WorkerTotal);
        Assert.Equal(381_600, result.Total);
    }

    [Fact]
    public void Worked_example_A_shows_JKP_as_notes_outside_the_totals()
    {
        var notes = Pu("2026-05", 4_000_000, 2).Lines.Where(l => l.Note).ToList();

        Assert.All(notes, n => Assert.Equal(ContributionProgram.Jkp, n.Program));
        Assert.Equal(8_800, Assert.Single(notes, n => n.Payer == Payer.Government).Amount);
        Assert.Equal(5_600, Assert.Single(notes, n => n.Payer == Payer.Employer).Amount);
        Assert.Equal(2, notes.Count); // PP 6/2025 dropped the JKM recomposition
    }

    [Fact]
    public void JKP_notes_before_PP_6_2025_include_the_JKM_recomposition()
    {
        var notes = Pu("2024-06", 4_000_000, 2).Lines.Where(l => l.Note).Select(l => l.Amount).ToList();
        Assert.Equal([8_800, 5_600, 4_000], notes);
    }

    [Fact]
    public void JKP_note_base_is_capped_at_5_million()
    {
        var government = Pu("2026-05", 15_000_000, 2).Lines.Single(l => l.Note && l.Payer == Payer.Government);
        Assert.Equal(5_000_000, government.Base);
        Assert.Equal(11_000, government.Amount);
    }

    [Fact]
    public void No_JKP_notes_before_JKP_existed()
    {
        Assert.DoesNotContain(Pu("2020-06", 4_000_000, 2).Lines, l => l.Note);
    }

    [Fact]
    public void Worked_example_A_with_wage_15m_caps_JP_at_11_086_300()
    {
        var result = Pu("2026-05", 15_000_000, 2);
        Assert.Equal(221_726, Amount(result, ContributionProgram.Jp, Payer.Employer));
        Assert.Equal(110_863, Amount(result, ContributionProgram.Jp, Payer.Worker));
        Assert.Equal(555_000, Amount(result, ContributionProgram.Jht, Payer.Employer)); // JHT has no cap
    }

    [Fact]
    public void Worked_example_A2_honorer_JKK_JKM_group_I()
    {
        var result = Pu("2026-05", 1_500_000, 1, ContributionProgram.Jkk, ContributionProgram.Jkm);
        Assert.Equal(3_600, Amount(result, ContributionProgram.Jkk, Payer.Employer));
        Assert.Equal(4_500, Amount(result, ContributionProgram.Jkm, Payer.Employer));
        Assert.Equal(8_100, result.Total);
        Assert.Equal(0, result.WorkerTotal);
    }

    [Theory]
    [InlineData(1, 9_600)]
    [InlineData(2, 21_600)]
    [InlineData(3, 35_600)]
    [InlineData(4, 50_800)]
    [InlineData(5, 69_600)]
    public void JKK_follows_the_risk_group(int group, long expected) =>
        Assert.Equal(expected, Amount(Pu("2026-05", 4_000_000, group, ContributionProgram.Jkk), ContributionProgram.Jkk, Payer.Employer));

    [Theory]
    [InlineData(BusinessSize.Micro, "JKK,JKM", 33_600, 0)]
    [InlineData(BusinessSize.Small, "JKK,JKM,JHT", 181_600, 80_000)]
    [InlineData(BusinessSize.Medium, "JKK,JKM,JHT,JP", 261_600, 120_000)]
    [InlineData(BusinessSize.Large, "JKK,JKM,JHT,JP", 261_600, 120_000)]
    public void Business_size_picks_the_Perpres_109_2013_program_set(BusinessSize size, string programs, long employer, long worker)
    {
        var request = PuRequest.ForBusinessSize(Month("2026-05"), 4_000_000, 2, size);
        var result = PuCalculator.Calculate(request, Book);

        Assert.Equal(programs, string.Join(",", request.Programs.Select(p => p.ToString().ToUpperInvariant())));
        Assert.Equal(employer, result.EmployerTotal);
        Assert.Equal(worker, result.WorkerTotal);
    }

    // Each row: the March the cap changes, the cap until February, the cap from March (DOMAIN.md §2.2).
    public static TheoryData<string, string, long, long> CapChanges => new()
    {
        { "2016-02", "2016-03", 7_000_000, 7_335_300 },
        { "2017-02", "2017-03", 7_335_300, 7_703_500 },
        { "2018-02", "2018-03", 7_703_500, 8_094_000 },
        { "2019-02", "2019-03", 8_094_000, 8_512_400 },
        { "2020-02", "2020-03", 8_512_400, 8_939_700 },
        { "2021-02", "2021-03", 8_939_700, 8_754_600 },
        { "2022-02", "2022-03", 8_754_600, 9_077_600 },
        { "2023-02", "2023-03", 9_077_600, 9_559_600 },
        { "2024-02", "2024-03", 9_559_600, 10_042_300 },
        { "2025-02", "2025-03", 10_042_300, 10_547_400 },
        { "2026-02", "2026-03", 10_547_400, 11_086_300 },
    };

    [Theory]
    [MemberData(nameof(CapChanges))]
    public void JP_uses_the_old_cap_in_February_and_the_new_cap_in_March(string february, string march, long oldCap, long newCap)
    {
        const long wage = 20_000_000; // above every cap
        AssertJp(Pu(february, wage, 1, ContributionProgram.Jp), oldCap);
        AssertJp(Pu(march, wage, 1, ContributionProgram.Jp), newCap);
    }

    [Fact]
    public void JP_cap_starts_with_the_programme_in_July_2015()
    {
        AssertJp(Pu("2015-07", 20_000_000, 1, ContributionProgram.Jp), 7_000_000);
        var ex = Assert.Throws<ContributionException>(() => Pu("2015-06", 20_000_000, 1, ContributionProgram.Jp));
        Assert.Contains("2015-06", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wage_below_the_cap_is_not_capped()
    {
        var jp = Pu("2026-03", 9_000_000, 1, ContributionProgram.Jp).Lines.First(l => l.Program == ContributionProgram.Jp);
        Assert.Equal(9_000_000, jp.Base);
    }

    [Fact]
    public void A_month_before_any_data_is_refused_naming_parameter_and_month()
    {
        var ex = Assert.Throws<ContributionException>(() => Pu("2014-01", 4_000_000, 2));
        Assert.Equal("rate_missing", ex.Code);
        Assert.Equal("No PU JKK rate, risk group 2 in force for 2014-01 (pu.jkk.group2)", ex.English);
        Assert.Contains("Tidak ada", ex.Indonesian, StringComparison.Ordinal);
    }

    [Fact]
    public void A_month_after_the_last_known_JP_cap_is_refused()
    {
        var ex = Assert.Throws<ContributionException>(() => Pu("2027-03", 4_000_000, 2));
        Assert.Equal("No JP wage cap in force for 2027-03 (pu.jp.wage_cap)", ex.English);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(-1, 1)]
    [InlineData(4_000_000, 0)]
    [InlineData(4_000_000, 6)]
    public void Rejects_bad_wage_or_risk_group(long wage, int group) =>
        Assert.Throws<ContributionException>(() => Pu("2026-05", wage, group));

    [Fact]
    public void Rejects_repeated_or_foreign_programs()
    {
        Assert.Throws<ContributionException>(() => Pu("2026-05", 4_000_000, 1, ContributionProgram.Jkk, ContributionProgram.Jkk));
        Assert.Throws<ContributionException>(() => Pu("2026-05", 4_000_000, 1, ContributionProgram.JkkJkm));
    }

    [Fact]
    public void Legal_basis_names_the_cap_row_used()
    {
        var cap = Pu("2025-02", 20_000_000, 1, ContributionProgram.Jp).LegalBasis.Single(b => b.Parameter == "pu.jp.wage_cap");
        Assert.Equal(10_042_300m, cap.Value);
        Assert.Equal(Month("2024-03"), cap.ValidFrom);
        Assert.Equal(Month("2025-02"), cap.ValidTo);
        Assert.Contains("B/1387/022024", cap.LegalBasis, StringComparison.Ordinal);
    }

    private static void AssertJp(ContributionResult result, long cap)
    {
        var employer = result.Lines.Single(l => l.Program == ContributionProgram.Jp && l.Payer == Payer.Employer);
        var worker = result.Lines.Single(l => l.Program == ContributionProgram.Jp && l.Payer == Payer.Worker);
        Assert.Equal(cap, employer.Base);
        Assert.Equal(((cap * 2) + 50) / 100, employer.Amount); // 2%, half-up, in integer arithmetic
        Assert.Equal((cap + 50) / 100, worker.Amount); // 1%
    }
}
