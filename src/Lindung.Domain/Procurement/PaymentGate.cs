namespace Lindung.Domain.Procurement;

/// <summary>What the payment gate knows about a contract on the day it is asked.</summary>
public sealed record ContractGateFacts
{
    public required ContractKind Kind { get; init; }

    /// <summary>The numbers of the contract's payment stages (termin).</summary>
    public required IReadOnlyCollection<int> StageNumbers { get; init; }

    /// <summary>Construction: the Jakon contribution due for the contract (contract-value method), in rupiah.</summary>
    public long JakonDue { get; init; }

    /// <summary>Construction: the project's Jakon registration number as recorded by the branch, or null.</summary>
    public string? JakonRegistrationNumber { get; init; }

    /// <summary>Construction: the Jakon contribution recorded as paid, in rupiah.</summary>
    public long JakonPaid { get; init; }

    /// <summary>Other services: how many workers are assigned to the contract.</summary>
    public int AssignedWorkers { get; init; }

    /// <summary>Other services: the masked NIKs of assigned workers who are not active PU participants of the contractor.</summary>
    public IReadOnlyList<string> WorkersNotActive { get; init; } = [];
}

/// <summary>The facts behind a reason, as far as it has any: amounts, a count, masked NIKs, a registration number.</summary>
public sealed record GateEvidence(
    long? Due = null, long? Paid = null, int? Count = null, int? Of = null, IReadOnlyList<string>? MaskedNiks = null, string? RegistrationNumber = null);

/// <summary>One reason behind the gate's answer: a stable code, the message in both languages, the evidence.</summary>
public sealed record GateReason(string Code, bool Blocks, string MessageId, string MessageEn, GateEvidence? Evidence = null)
{
    public string Message(bool english) => english ? MessageEn : MessageId;
}

/// <summary>The gate's answer for one stage: payable when no reason blocks it; every reason, blocking or not.</summary>
public sealed record PaymentGateDecision(bool Payable, int Stage, IReadOnlyList<GateReason> Reasons);

/// <summary>
/// Decides whether a payment stage (termin) of a government contract may be paid (DOMAIN §1 and
/// §4.1: the region, as <i>pengguna jasa</i>, may require the Jakon certificate and receipt before a
/// termin; outsourcing staff are PU participants of the vendor). Construction needs its Jakon
/// registration and the whole contribution paid; other services need every assigned worker to be
/// an active PU participant of the contractor; goods carry no coverage condition. Every reason is
/// named, so the clerk sees what to ask the contractor for.
/// </summary>
public static class PaymentGate
{
    public const string UnknownStage = "UNKNOWN_STAGE";
    public const string GoodsNoGate = "GOODS_NO_GATE";
    public const string JakonNotRegistered = "JAKON_NOT_REGISTERED";
    public const string JakonNotPaid = "JAKON_NOT_PAID";
    public const string JakonPaid = "JAKON_PAID";
    public const string NoWorkersAssigned = "NO_WORKERS_ASSIGNED";
    public const string WorkersNotActive = "WORKERS_NOT_ACTIVE";
    public const string WorkersActive = "WORKERS_ACTIVE";

    public static PaymentGateDecision Decide(ContractGateFacts facts, int stage)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (!facts.StageNumbers.Contains(stage))
        {
            return Refuse(stage, new GateReason(UnknownStage, true,
                $"Kontrak ini tidak memiliki termin {stage}.",
                $"This contract has no payment stage {stage}.",
                new GateEvidence(Count: facts.StageNumbers.Count)));
        }

        var reasons = facts.Kind switch
        {
            ContractKind.Barang => [new GateReason(GoodsNoGate, false,
                "Kontrak pengadaan barang tidak disyaratkan bukti kepesertaan BPJS Ketenagakerjaan: dapat dibayar tanpa pemeriksaan.",
                "Goods contracts carry no BPJS Ketenagakerjaan coverage condition: payable without a check.")],
            ContractKind.Konstruksi => Construction(facts),
            ContractKind.JasaLainnya => Services(facts),
            _ => throw new ArgumentOutOfRangeException(nameof(facts), facts.Kind, null),
        };
        return new PaymentGateDecision(!reasons.Any(r => r.Blocks), stage, reasons);
    }

    private static List<GateReason> Construction(ContractGateFacts facts)
    {
        var reasons = new List<GateReason>();
        if (string.IsNullOrWhiteSpace(facts.JakonRegistrationNumber))
        {
            reasons.Add(new GateReason(JakonNotRegistered, true,
                "Proyek belum didaftarkan dalam program Jasa Konstruksi (Jakon) BPJS Ketenagakerjaan.",
                "The project is not registered in BPJS Ketenagakerjaan's construction scheme (Jakon).",
                new GateEvidence(Due: facts.JakonDue)));
        }

        if (facts.JakonPaid < facts.JakonDue)
        {
            reasons.Add(new GateReason(JakonNotPaid, true,
                "Iuran Jakon belum dibayar penuh.",
                "The Jakon contribution is not paid in full.",
                new GateEvidence(Due: facts.JakonDue, Paid: facts.JakonPaid)));
        }

        if (reasons.Count == 0)
        {
            reasons.Add(new GateReason(JakonPaid, false,
                "Proyek terdaftar dalam Jakon dan iurannya telah dibayar.",
                "The project is registered in Jakon and its contribution is paid.",
                new GateEvidence(Due: facts.JakonDue, Paid: facts.JakonPaid, RegistrationNumber: facts.JakonRegistrationNumber)));
        }

        return reasons;
    }

    private static List<GateReason> Services(ContractGateFacts facts)
    {
        if (facts.AssignedWorkers == 0)
        {
            return [new GateReason(NoWorkersAssigned, true,
                "Belum ada pekerja penyedia yang ditugaskan pada kontrak ini; kepesertaannya tidak dapat diperiksa.",
                "No contractor workers are assigned to this contract, so their coverage cannot be checked.")];
        }

        if (facts.WorkersNotActive.Count > 0)
        {
            return [new GateReason(WorkersNotActive, true,
                $"{facts.WorkersNotActive.Count} dari {facts.AssignedWorkers} pekerja yang ditugaskan bukan peserta Penerima Upah (PU) aktif dari penyedia.",
                $"{facts.WorkersNotActive.Count} of {facts.AssignedWorkers} assigned workers are not active wage-earner (PU) participants of the contractor.",
                new GateEvidence(Count: facts.WorkersNotActive.Count, Of: facts.AssignedWorkers, MaskedNiks: facts.WorkersNotActive))];
        }

        return [new GateReason(WorkersActive, false,
            $"Semua {facts.AssignedWorkers} pekerja yang ditugaskan adalah peserta PU aktif dari penyedia.",
            $"All {facts.AssignedWorkers} assigned workers are active PU participants of the contractor.",
            new GateEvidence(Count: 0, Of: facts.AssignedWorkers))];
    }

    private static PaymentGateDecision Refuse(int stage, GateReason reason) => new(false, stage, [reason]);
}
