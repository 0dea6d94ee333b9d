using Lindung.Domain.Compliance;
using Lindung.Domain.Contributions;
using Lindung.Domain.Licensing;

namespace Lindung.Domain.Tests.Licensing;

public class LicensingGateTests
{
    private static readonly LicenceRule Pbg = new()
    {
        LicenceType = "PBG",
        NameId = "Persetujuan Bangunan Gedung",
        NameEn = "Building approval",
        RegionCode = "35.77",
        EffectiveFrom = new DateOnly(2023, 1, 1),
        WithheldUnderTmp2t = true,
        Outcomes = LicenceRule.DefaultOutcomes,
        LegalBasis = "PP 86/2013 Pasal 9(1)",
    };

    private static readonly ApplicantFacts Small = new() { Size = BusinessSize.Small };

    private static ComplianceFinding Finding(string code) => new(code, code + " id", code + " en", new ComplianceEvidence { Count = 2, Of = 5 });

    private static ComplianceAssessment NonCompliant(params string[] codes) =>
        new(ComplianceStatus.TidakPatuh, [.. codes.Select(Finding)]);

    [Fact]
    public void A_compliant_employer_is_granted_with_the_rule_named()
    {
        var decision = LicensingGate.Decide(Pbg, new ComplianceAssessment(ComplianceStatus.Patuh, []), Small);
        Assert.Equal(LicensingOutcome.Izinkan, decision.Outcome);
        Assert.Equal(LicensingGate.Compliant, Assert.Single(decision.Reasons).Code);
        Assert.Same(Pbg, decision.Rule);
    }

    [Theory]
    [InlineData(ComplianceRules.PdsWorkers, LicensingOutcome.Tolak)]
    [InlineData(ComplianceRules.Arrears, LicensingOutcome.Tolak)]
    [InlineData(ComplianceRules.PdsWage, LicensingOutcome.Tinjau)]
    [InlineData(ComplianceRules.PdsProgram, LicensingOutcome.Tinjau)]
    [InlineData(LicenceRule.Sanctioned, LicensingOutcome.Tolak)]
    public void Each_finding_takes_the_outcome_the_rule_maps_it_to(string code, LicensingOutcome expected)
    {
        var decision = LicensingGate.Decide(Pbg, NonCompliant(code), Small);
        Assert.Equal(expected, decision.Outcome);
        var reason = Assert.Single(decision.Reasons);
        Assert.Equal((code, expected), (reason.Code, reason.Outcome));
        Assert.Equal(2, reason.Evidence!.Count);
    }

    [Fact]
    public void The_worst_reason_decides_and_every_reason_is_kept()
    {
        var decision = LicensingGate.Decide(Pbg, NonCompliant(ComplianceRules.PdsWage, ComplianceRules.PdsWorkers, ComplianceRules.PdsProgram), Small);
        Assert.Equal(LicensingOutcome.Tolak, decision.Outcome);
        Assert.Equal([ComplianceRules.PdsWage, ComplianceRules.PdsWorkers, ComplianceRules.PdsProgram], decision.Reasons.Select(r => r.Code));
    }

    [Fact]
    public void A_finding_the_rule_does_not_map_goes_to_review()
    {
        var rule = Pbg with { Outcomes = new Dictionary<string, LicensingOutcome>() };
        Assert.Equal(LicensingOutcome.Tinjau, LicensingGate.Decide(rule, NonCompliant(ComplianceRules.Arrears), Small).Outcome);
    }

    [Fact]
    public void A_sanction_refuses_only_licences_withheld_under_tmp2t()
    {
        var notWithheld = Pbg with { WithheldUnderTmp2t = false };
        var decision = LicensingGate.Decide(notWithheld, NonCompliant(LicenceRule.Sanctioned), Small);
        Assert.Equal(LicensingOutcome.Tinjau, decision.Outcome);
        Assert.Equal(LicensingGate.SanctionNotWithheld, Assert.Single(decision.Reasons).Code);
    }

    [Fact]
    public void A_rule_without_proof_grants_whatever_the_findings()
    {
        var decision = LicensingGate.Decide(Pbg with { RequiresProof = false }, NonCompliant(ComplianceRules.PdsWorkers), Small);
        Assert.Equal(LicensingOutcome.Izinkan, decision.Outcome);
        Assert.Equal(LicensingGate.ProofNotRequired, Assert.Single(decision.Reasons).Code);
    }

    [Fact]
    public void Micro_firms_are_exempt_only_when_the_rule_says_so()
    {
        var micro = new ApplicantFacts { Size = BusinessSize.Micro };
        Assert.Equal(LicensingOutcome.Tolak, LicensingGate.Decide(Pbg, NonCompliant(ComplianceRules.Arrears), micro).Outcome);
        var exempt = LicensingGate.Decide(Pbg with { ExemptMicro = true }, NonCompliant(ComplianceRules.Arrears), micro);
        Assert.Equal((LicensingOutcome.Izinkan, LicensingGate.ExemptMicro), (exempt.Outcome, exempt.Reasons[0].Code));
        Assert.Equal(LicensingOutcome.Tolak, LicensingGate.Decide(Pbg with { ExemptMicro = true }, NonCompliant(ComplianceRules.Arrears), Small).Outcome);
    }

    [Fact]
    public void A_sole_trader_passes_with_an_active_bpu_membership_when_the_rule_accepts_it()
    {
        var unregistered = new ComplianceAssessment(ComplianceStatus.TidakTerdaftar, [Finding(ComplianceRules.NotRegistered)]);
        var accepting = Pbg with { AcceptBpuForSoleTrader = true };
        var withBpu = new ApplicantFacts { SoleTraderHasActiveBpu = true };
        var granted = LicensingGate.Decide(accepting, unregistered, withBpu);
        Assert.Equal((LicensingOutcome.Izinkan, LicensingGate.BpuSoleTrader), (granted.Outcome, granted.Reasons[0].Code));

        Assert.Equal(LicensingOutcome.Tolak, LicensingGate.Decide(Pbg, unregistered, withBpu).Outcome);
        var lapsed = LicensingGate.Decide(accepting, unregistered, new ApplicantFacts { SoleTraderHasActiveBpu = false });
        Assert.Equal(LicensingOutcome.Tolak, lapsed.Outcome);
        Assert.Equal([ComplianceRules.NotRegistered, LicensingGate.BpuNotActive], lapsed.Reasons.Select(r => r.Code));
    }
}
