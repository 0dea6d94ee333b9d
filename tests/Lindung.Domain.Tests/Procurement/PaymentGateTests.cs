using Lindung.Domain.Procurement;

namespace Lindung.Domain.Tests.Procurement;

public class PaymentGateTests
{
    private static readonly int[] TwoStages = [1, 2];

    private static ContractGateFacts Construction(string? registration, long paid) => new()
    {
        Kind = ContractKind.Konstruksi,
        StageNumbers = TwoStages,
        JakonDue = 1_375_000,
        JakonRegistrationNumber = registration,
        JakonPaid = paid,
    };

    private static ContractGateFacts Services(int assigned, params string[] notActive) => new()
    {
        Kind = ContractKind.JasaLainnya,
        StageNumbers = TwoStages,
        AssignedWorkers = assigned,
        WorkersNotActive = notActive,
    };

    [Fact]
    public void Construction_unregistered_and_unpaid_is_refused_with_both_reasons()
    {
        var decision = PaymentGate.Decide(Construction(null, 0), 1);
        Assert.False(decision.Payable);
        Assert.Equal([PaymentGate.JakonNotRegistered, PaymentGate.JakonNotPaid], decision.Reasons.Select(r => r.Code));
        Assert.All(decision.Reasons, r => Assert.True(r.Blocks));
        Assert.Equal((1_375_000L, 0L), (decision.Reasons[1].Evidence!.Due, decision.Reasons[1].Evidence!.Paid));
    }

    [Fact]
    public void Construction_registered_but_paid_less_than_due_is_refused()
    {
        var decision = PaymentGate.Decide(Construction("JK-2026-001", 1_374_999), 2);
        Assert.False(decision.Payable);
        Assert.Equal(PaymentGate.JakonNotPaid, Assert.Single(decision.Reasons).Code);
    }

    [Fact]
    public void Construction_paid_but_unregistered_is_refused()
    {
        var decision = PaymentGate.Decide(Construction(" ", 2_000_000), 1);
        Assert.False(decision.Payable);
        Assert.Equal(PaymentGate.JakonNotRegistered, Assert.Single(decision.Reasons).Code);
    }

    [Fact]
    public void Construction_registered_and_paid_in_full_is_payable_and_says_why()
    {
        var decision = PaymentGate.Decide(Construction("JK-2026-001", 1_375_000), 2);
        Assert.True(decision.Payable);
        var reason = Assert.Single(decision.Reasons);
        Assert.Equal(PaymentGate.JakonPaid, reason.Code);
        Assert.False(reason.Blocks);
        Assert.Equal("JK-2026-001", reason.Evidence!.RegistrationNumber);
    }

    [Fact]
    public void Services_with_a_worker_not_active_is_refused_with_the_count_and_masked_niks()
    {
        var decision = PaymentGate.Decide(Services(3, "357701******0002"), 1);
        Assert.False(decision.Payable);
        var reason = Assert.Single(decision.Reasons);
        Assert.Equal(PaymentGate.WorkersNotActive, reason.Code);
        Assert.Equal((1, 3), (reason.Evidence!.Count, reason.Evidence.Of));
        Assert.Equal(["357701******0002"], reason.Evidence.MaskedNiks!);
        Assert.Contains("1 dari 3", reason.MessageId, StringComparison.Ordinal);
        Assert.Contains("1 of 3", reason.MessageEn, StringComparison.Ordinal);
    }

    [Fact]
    public void Services_without_assigned_workers_cannot_be_checked_and_is_refused()
    {
        var decision = PaymentGate.Decide(Services(0), 1);
        Assert.False(decision.Payable);
        Assert.Equal(PaymentGate.NoWorkersAssigned, Assert.Single(decision.Reasons).Code);
    }

    [Fact]
    public void Services_with_every_worker_active_is_payable()
    {
        var decision = PaymentGate.Decide(Services(3), 2);
        Assert.True(decision.Payable);
        Assert.Equal(PaymentGate.WorkersActive, Assert.Single(decision.Reasons).Code);
    }

    [Fact]
    public void Goods_are_payable_without_a_gate_and_say_so()
    {
        var decision = PaymentGate.Decide(new ContractGateFacts { Kind = ContractKind.Barang, StageNumbers = TwoStages }, 1);
        Assert.True(decision.Payable);
        Assert.Equal(PaymentGate.GoodsNoGate, Assert.Single(decision.Reasons).Code);
    }

    [Theory]
    [InlineData(ContractKind.Barang)]
    [InlineData(ContractKind.Konstruksi)]
    [InlineData(ContractKind.JasaLainnya)]
    public void An_unknown_stage_is_refused_whatever_the_kind(ContractKind kind)
    {
        var facts = new ContractGateFacts { Kind = kind, StageNumbers = TwoStages, JakonRegistrationNumber = "JK", AssignedWorkers = 1 };
        var decision = PaymentGate.Decide(facts, 3);
        Assert.False(decision.Payable);
        Assert.Equal(PaymentGate.UnknownStage, Assert.Single(decision.Reasons).Code);
    }

    [Theory]
    [InlineData("konstruksi", ContractKind.Konstruksi)]
    [InlineData(" Jasa Lainnya ", ContractKind.JasaLainnya)]
    [InlineData("JASA-LAINNYA", ContractKind.JasaLainnya)]
    [InlineData("barang", ContractKind.Barang)]
    public void Kinds_are_read_from_their_codes(string text, ContractKind expected)
    {
        Assert.True(ContractKinds.TryParse(text, out var kind));
        Assert.Equal(expected, kind);
        Assert.False(ContractKinds.TryParse("JASA", out _));
    }
}
