using Lindung.Domain.Compliance;
using Lindung.Domain.Enforcement;

namespace Lindung.Domain.Tests.Enforcement;

public class EnforcementLadderTests
{
    [Fact]
    public void A_case_climbs_one_stage_at_a_time_and_never_back()
    {
        foreach (var current in Enum.GetValues<EnforcementStage>())
        {
            foreach (var target in Enum.GetValues<EnforcementStage>())
            {
                Assert.Equal(target == current + 1, EnforcementLadder.MayAdvance(current, target));
            }
        }

        Assert.Null(EnforcementLadder.Next(EnforcementStage.Referral));
    }

    [Fact]
    public void Services_are_withheld_from_the_tmp2t_request_on()
    {
        Assert.False(EnforcementLadder.WithholdsServices(EnforcementStage.Fine));
        Assert.True(EnforcementLadder.WithholdsServices(EnforcementStage.Tmp2t));
        Assert.True(EnforcementLadder.WithholdsServices(EnforcementStage.Referral));
    }

    [Theory]
    [InlineData(12_345_678, 3, 37_037)] // 37,037.034 → down
    [InlineData(5_000_500, 1, 5_001)] // 5,000.5 → half up
    [InlineData(0, 6, 0)]
    public void The_fine_is_the_rate_per_month_in_arrears_rounded_half_up(long due, int months, long expected) =>
        Assert.Equal(expected, EnforcementLadder.Fine(due, 0.001m, months));

    [Fact]
    public void Every_stage_has_one_rule_in_ladder_order_and_the_warnings_run_ten_working_days()
    {
        Assert.Equal(Enum.GetValues<EnforcementStage>(), EnforcementLadder.DefaultRules.Select(r => r.Stage));
        var calendar = new WorkingCalendar([]);
        var warning = EnforcementLadder.DefaultRules.Single(r => r.Stage == EnforcementStage.Warning1);
        Assert.Equal(new DateOnly(2026, 12, 18), warning.DueOn(new DateOnly(2026, 12, 4), calendar));
        Assert.Null(EnforcementLadder.DefaultRules.Single(r => r.Stage == EnforcementStage.Referral).DueOn(new DateOnly(2026, 12, 4), calendar));
    }

    [Fact]
    public void A_sanction_in_force_is_a_finding_even_for_a_compliant_or_unregistered_firm()
    {
        var sanction = new ActiveSanction(Guid.NewGuid(), "ENF/35.77/2026/0001", new DateOnly(2026, 11, 2), "35.77");
        var paying = new EmployerFacts { Npp = "15070955", ActiveMembers = 3, LastPaidMonth = new DateOnly(2026, 11, 1), Sanction = sanction };
        var today = new DateOnly(2026, 12, 4);
        var assessed = ComplianceRules.Assess(paying, today);
        Assert.Equal(ComplianceStatus.TidakPatuh, assessed.Status);
        var finding = Assert.Single(assessed.Findings);
        Assert.Equal(ComplianceRules.Sanctioned, finding.Code);
        Assert.Equal(sanction.CaseNumber, finding.Evidence.CaseNumber);

        var unregistered = ComplianceRules.Assess(new EmployerFacts { Sanction = sanction }, today);
        Assert.Equal([ComplianceRules.NotRegistered, ComplianceRules.Sanctioned], unregistered.Findings.Select(f => f.Code));
        Assert.Empty(ComplianceRules.Assess(paying with { Sanction = null }, today).Findings);
    }
}
