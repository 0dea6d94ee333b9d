using System.Text.Json;
using Lindung.Domain.Budget;
using Lindung.Domain.Contributions;
using static Lindung.Domain.Tests.Contributions.BuiltInRates;

namespace Lindung.Domain.Tests.Budget;

/// <summary>
/// The planner against figures worked out by hand from DOMAIN.md (§2 PU rates and the JP cap table,
/// §3 BPU rates and the PP 50/2025 windows), never against the contribution engine itself.
/// </summary>
public class BudgetPlannerTests
{
    private const string GuruNgaji = """{"name":"Guru ngaji","segment":"BPU","count":100,"income":1000000,"programs":["JKK","JKM"],"payer":"APBD","occupation":"other"}""";
    private const string HonorerDlh = """{"name":"Honorer DLH","segment":"PU","count":50,"wage":2500000,"risk_group":3,"programs":["JKK","JKM","JHT","JP"],"payer":"APBD"}""";

    [Fact]
    public void The_issue_scenario_prices_APBD_guru_ngaji_without_discount_and_honorer_with_both_shares()
    {
        var plan = Plan($$"""{"from":"2027-01","months":12,"groups":[{{GuruNgaji}},{{HonorerDlh}}]}""");

        // BPU at the minimum income, paid by the APBD: JKK 1% of 1,000,000 + JKM 6,800, never discounted (§3.3).
        var guru = plan.Groups[0];
        Assert.Equal(16_800, guru.PerWorkerFirstMonth);
        Assert.Equal(16_800L * 12 * 100, guru.Total);
        Assert.Equal(guru.Total, guru.PayerTotal);

        // PU at 2,500,000, risk group 3: JKK 0.89% 22,250 + JKM 0.30% 7,500 + JHT 3.7% 92,500 + JP 2% 50,000
        // from the employer; JHT 2% 50,000 + JP 1% 25,000 from the worker (§2.1).
        var honorer = plan.Groups[1];
        Assert.Equal(172_250L * 12 * 50, honorer.EmployerTotal);
        Assert.Equal(75_000L * 12 * 50, honorer.WorkerTotal);
        Assert.Equal(honorer.EmployerTotal, honorer.PayerTotal);
        Assert.All(honorer.ByMonth, m => Assert.Equal(247_250L * 50, m.Amount));

        Assert.Equal(guru.Total + honorer.Total, plan.Total);
        Assert.Equal(plan.Total, plan.ByMonth.Sum(m => m.Amount));
        Assert.Equal([new BudgetPayerTotal(BudgetPayer.Apbd, guru.Total + honorer.EmployerTotal)], plan.ByPayer);
        Assert.Equal(12, plan.ByMonth.Count);
        Assert.Equal(Month("2027-12"), plan.ByMonth[^1].Month);
    }

    [Fact]
    public void A_sponsor_gets_the_PP_50_2025_discount_inside_its_window_and_the_APBD_never_does()
    {
        string Group(string payer, string occupation) =>
            $$"""{"name":"x","segment":"BPU","count":1,"income":1000000,"payer":"{{payer}}","occupation":"{{occupation}}"}""";

        // Other sectors: discount April to December 2026; 16,800 becomes 5,000 + 3,400 = 8,400.
        var sponsor = Plan($$"""{"from":"2026-01","months":12,"groups":[{{Group("SPONSOR", "other")}}]}""").Groups[0];
        Assert.Equal([16_800L, 16_800, 16_800, 8_400, 8_400, 8_400, 8_400, 8_400, 8_400, 8_400, 8_400, 8_400], sponsor.ByMonth.Select(m => m.Amount));

        // Transport: January 2026 to March 2027, so in 2027 only the first three months are discounted.
        var ojek = Plan($$"""{"from":"2027-01","months":6,"groups":[{{Group("VILLAGE_FUND", "transport")}}]}""").Groups[0];
        Assert.Equal([8_400L, 8_400, 8_400, 16_800, 16_800, 16_800], ojek.ByMonth.Select(m => m.Amount));

        foreach (var payer in new[] { "APBD", "APBN" })
        {
            var paidByBudget = Plan($$"""{"from":"2026-01","months":12,"groups":[{{Group(payer, "transport")}}]}""").Groups[0];
            Assert.All(paidByBudget.ByMonth, m => Assert.Equal(16_800, m.Amount));
        }
    }

    [Fact]
    public void The_JP_cap_changes_in_March_and_is_projected_past_the_last_announced_cap()
    {
        string Scenario(string from, int months, string growth = "") =>
            $$"""{"from":"{{from}}","months":{{months}}{{growth}},"groups":[{"name":"Kepala UPT","segment":"PU","count":1,"wage":12000000,"risk_group":1,"programs":["JP"],"payer":"APBD"}]}""";

        // Employer JP 2% of the cap: 10,547,400 to February 2026, 11,086,300 from March 2026 (§2.2).
        var announced = Plan(Scenario("2026-01", 4)).Groups[0];
        Assert.Equal([210_948L, 210_948, 221_726, 221_726], announced.ByMonth.Select(m => m.EmployerAmount));

        // March 2027 is not announced: 11,086,300 × 1.0511 = 11,652,809.93, rounded down to Rp100.
        var projected = Plan(Scenario("2027-01", 3));
        Assert.Equal([221_726L, 221_726, 233_056], projected.Groups[0].ByMonth.Select(m => m.EmployerAmount));
        var projection = Assert.Single(projected.LegalBasis, e => e.Parameter == "pu.jp.wage_cap" && e.ValidFrom == Month("2027-03"));
        Assert.Equal(11_652_800m, projection.Value);
        Assert.Equal(SourceStatus.Unconfirmed, projection.Status);

        // A scenario may assume its own growth: none at all keeps the last cap.
        var flat = Plan(Scenario("2027-01", 3, ""","jp_cap_growth_percent":0""")).Groups[0];
        Assert.Equal(221_726, flat.ByMonth[2].EmployerAmount);
    }

    [Fact]
    public void A_wage_increase_raises_every_wage_and_income_before_the_rates_apply()
    {
        var plan = Plan($$"""{"from":"2025-01","months":1,"wage_increase_percent":10,"groups":[{{GuruNgaji}}]}""");
        Assert.Equal(11_000 + 6_800, plan.Groups[0].PerWorkerFirstMonth);
    }

    [Fact]
    public void Groups_sharing_a_line_are_reported_as_one_with_their_sums()
    {
        static BudgetGroup Staff(string line, int count, long wage) =>
            new($"{line} {wage}", Segment.Pu, count, wage, 1, [ContributionProgram.Jkk, ContributionProgram.Jkm], BudgetPayer.Apbd, Line: line);

        var scenario = new BudgetScenario(Month("2026-05"), 2, [Staff("Dinas A", 3, 2_000_000), Staff("Dinas B", 1, 4_000_000), Staff("Dinas A", 1, 3_000_000)]);
        var (plan, problems) = BudgetPlanner.Plan(scenario, Book);

        Assert.Empty(problems);
        // JKK 0.24% + JKM 0.30% = 0.54%: 10,800 at 2,000,000, 16,200 at 3,000,000, 21,600 at 4,000,000.
        Assert.Equal(["Dinas A", "Dinas B"], plan!.Groups.Select(g => g.Name));
        Assert.Equal(4, plan.Groups[0].Count);
        Assert.Equal(((3 * 10_800) + 16_200) * 2, plan.Groups[0].Total);
        Assert.Equal((3 * 10_800) + 16_200, plan.Groups[0].ByMonth[1].EmployerAmount);
        Assert.Equal(12_150, plan.Groups[0].PerWorkerFirstMonth); // 48,600 / 4
        Assert.Equal(21_600 * 2, plan.Groups[1].Total);
        Assert.Equal(plan.Total, plan.Groups.Sum(g => g.Total));
    }

    [Theory]
    [InlineData("""{"from":"2027-01","months":0,"groups":[GROUP]}""", "months", "MONTHS_NOT_POSITIVE")]
    [InlineData("""{"from":"2027-1","months":12,"groups":[GROUP]}""", "from", "FROM_INVALID")]
    [InlineData("""{"from":"2027-01","months":12,"groups":[]}""", "groups", "GROUPS_EMPTY")]
    [InlineData("""{"from":"2027-01","months":12,"groups":[{"name":"x","segment":"XYZ","count":1,"payer":"APBD"}]}""", "groups[0].segment", "SEGMENT_UNKNOWN")]
    [InlineData("""{"from":"2027-01","months":12,"groups":[{"name":"x","segment":"BPU","count":1,"income":1000000,"payer":"PEMDA"}]}""", "groups[0].payer", "PAYER_UNKNOWN")]
    [InlineData("""{"from":"2027-01","months":12,"groups":[{"name":"x","segment":"BPU","count":1,"income":1000000,"payer":"SELF","occupation":"pilot"}]}""", "groups[0].occupation", "OCCUPATION_UNKNOWN")]
    [InlineData("""{"from":"2027-01","months":12,"groups":[{"name":"x","segment":"BPU","count":1,"income":1000000,"programs":["JP"],"payer":"SELF"}]}""", "groups[0].programs", "PROGRAMS_INVALID")]
    [InlineData("""{"from":"2027-01","months":12,"groups":[{"name":"x","segment":"PU","count":1,"wage":3000000,"risk_group":6,"programs":["JKK"],"payer":"APBD"}]}""", "groups[0].risk_group", "RISK_GROUP_INVALID")]
    [InlineData("""{"from":"2027-01","months":12,"groups":[{"name":"x","segment":"PU","count":0,"wage":3000000,"risk_group":1,"programs":["JKK"],"payer":"APBD"}]}""", "groups[0].count", "COUNT_NOT_POSITIVE")]
    public void A_bad_scenario_is_refused_naming_the_field(string json, string field, string code)
    {
        var (scenario, problems) = BudgetScenarioReader.Read(Document(json.Replace("GROUP", GuruNgaji, StringComparison.Ordinal)));
        Assert.Null(scenario);
        Assert.Contains(problems, p => p.Field == field && p.Error.Code == code);
    }

    [Fact]
    public void An_income_below_the_BPU_minimum_and_a_month_without_rates_are_refused_by_the_planner()
    {
        var low = Refused("""{"from":"2027-01","months":12,"groups":[{"name":"x","segment":"BPU","count":1,"income":900000,"payer":"SELF"}]}""");
        Assert.Equal(("groups[0].income", "INCOME_BELOW_MINIMUM"), (low.Field, low.Error.Code));
        Assert.Contains("1,000,000", low.Error.MessageEn, StringComparison.Ordinal);

        // The rate book starts in July 2015 (PP 44/2015).
        var early = Refused($$"""{"from":"2015-01","months":12,"groups":[{{GuruNgaji}}]}""");
        Assert.Equal(("groups[0]", "RATE_MISSING"), (early.Field, early.Error.Code));
        Assert.Contains("2015-01", early.Error.MessageEn, StringComparison.Ordinal);
    }

    private static BudgetScenarioDocument Document(string json) => JsonSerializer.Deserialize<BudgetScenarioDocument>(json)!;

    private static BudgetPlan Plan(string json)
    {
        var (scenario, problems) = BudgetScenarioReader.Read(Document(json));
        Assert.Empty(problems);
        var (plan, planProblems) = BudgetPlanner.Plan(scenario!, Book);
        Assert.Empty(planProblems);
        return plan!;
    }

    private static BudgetProblem Refused(string json)
    {
        var (scenario, problems) = BudgetScenarioReader.Read(Document(json));
        Assert.Empty(problems);
        var (plan, planProblems) = BudgetPlanner.Plan(scenario!, Book);
        Assert.Null(plan);
        return Assert.Single(planProblems);
    }
}
