using CsCheck;
using Lindung.Domain.Compliance;
using Lindung.Domain.Contributions;
using Lindung.Domain.Rosters;

namespace Lindung.Domain.Tests.Compliance;

public class ComplianceRulesTests
{
    private static readonly DateOnly Today = new(2026, 12, 4);

    private static readonly EmployerFacts Clean = new()
    {
        Npp = "15070955",
        Size = BusinessSize.Small,
        ActiveMembers = 40,
        LastPaidMonth = new DateOnly(2026, 10, 1),
        ExtractDate = new DateOnly(2026, 11, 20),
        KnownWorkers = 40,
    };

    [Fact]
    public void A_paying_employer_with_every_known_worker_enrolled_is_compliant()
    {
        var result = ComplianceRules.Assess(Clean, Today);
        Assert.Equal(ComplianceStatus.Patuh, result.Status);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void No_npp_or_no_active_member_is_not_registered()
    {
        Assert.Equal(ComplianceStatus.TidakTerdaftar, ComplianceRules.Assess(Clean with { Npp = null }, Today).Status);
        var result = ComplianceRules.Assess(Clean with { ActiveMembers = 0, KnownWorkers = 12 }, Today);
        Assert.Equal(ComplianceStatus.TidakTerdaftar, result.Status);
        var finding = Assert.Single(result.Findings);
        Assert.Equal(ComplianceRules.NotRegistered, finding.Code);
        Assert.Equal(12, finding.Evidence.Count);
    }

    [Fact]
    public void Arrears_are_judged_as_of_the_extract_not_today()
    {
        // Loaded 20 Nov: October was due by 15 Nov, so paid through October is up to date even on 4 Dec.
        Assert.Equal(ComplianceStatus.Patuh, ComplianceRules.Assess(Clean, Today).Status);
        var late = ComplianceRules.Assess(Clean with { LastPaidMonth = new DateOnly(2026, 7, 1) }, Today);
        Assert.Equal(ComplianceStatus.TidakPatuh, late.Status);
        var arrears = Assert.Single(late.Findings);
        Assert.Equal(ComplianceRules.Arrears, arrears.Code);
        Assert.Equal(3, arrears.Evidence.Months);
        Assert.Equal(new DateOnly(2026, 10, 1), arrears.Evidence.DueThrough);
        Assert.Contains("Juli 2026", arrears.MessageId, StringComparison.Ordinal);
        Assert.Contains("July 2026", arrears.MessageEn, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2026, 11, 15, 2026, 9)]
    [InlineData(2026, 11, 16, 2026, 10)]
    [InlineData(2026, 1, 10, 2025, 11)]
    [InlineData(2026, 1, 31, 2025, 12)]
    public void A_month_is_due_by_the_fifteenth_of_the_next(int y, int m, int d, int dueY, int dueM) =>
        Assert.Equal(new DateOnly(dueY, dueM, 1), ContributionDue.LastMonthDue(new DateOnly(y, m, d)));

    [Fact]
    public void Paying_a_month_more_never_adds_arrears()
    {
        var days = Gen.Int[0, 3000].Select(n => new DateOnly(2020, 1, 1).AddDays(n));
        Gen.Select(days, Gen.Int[0, 60]).Sample((asOf, back) =>
        {
            var paid = new DateOnly(asOf.Year, asOf.Month, 1).AddMonths(-back);
            Assert.True(ContributionDue.MonthsUnpaid(paid.AddMonths(1), asOf) <= ContributionDue.MonthsUnpaid(paid, asOf));
            Assert.True(ContributionDue.MonthsUnpaid(paid, asOf) >= 0);
        });
    }

    [Fact]
    public void Each_pds_kind_is_its_own_finding_with_its_counts()
    {
        var result = ComplianceRules.Assess(
            Clean with { KnownWorkers = 50, KnownWorkersNotEnrolled = 10, MembersWageBelowPayroll = 3, MembersMissingPrograms = 7, Size = BusinessSize.Medium },
            Today);
        Assert.Equal(ComplianceStatus.TidakPatuh, result.Status);
        Assert.Equal([ComplianceRules.PdsWorkers, ComplianceRules.PdsWage, ComplianceRules.PdsProgram], result.Findings.Select(f => f.Code));
        Assert.Equal((10, 50), (result.Findings[0].Evidence.Count!.Value, result.Findings[0].Evidence.Of!.Value));
        Assert.Equal("JKK,JKM,JHT,JP", result.Findings[2].Evidence.Programs);
        Assert.All(result.Findings, f => Assert.False(string.IsNullOrWhiteSpace(f.MessageEn)));
    }

    [Fact]
    public void An_unknown_size_is_held_to_jkk_and_jkm_only()
    {
        Assert.Equal(ProgramSet.Jkk | ProgramSet.Jkm, ComplianceRules.RequiredProgramSet(null));
        Assert.Equal(ProgramSet.Jkk | ProgramSet.Jkm | ProgramSet.Jht | ProgramSet.Jp, ComplianceRules.RequiredProgramSet(BusinessSize.Large));
    }
}
