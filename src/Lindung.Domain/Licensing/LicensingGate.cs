using Lindung.Domain.Compliance;
using Lindung.Domain.Contributions;

namespace Lindung.Domain.Licensing;

/// <summary>What the licensing office knows about the applicant beyond the compliance assessment.</summary>
public sealed record ApplicantFacts
{
    public BusinessSize? Size { get; init; }

    /// <summary>Null when no NIK was given; else whether that person holds an active BPU membership.</summary>
    public bool? SoleTraderHasActiveBpu { get; init; }
}

/// <summary>One reason behind a decision: a stable code, its outcome, the message in both languages, and the compliance evidence when it comes from a finding.</summary>
public sealed record LicensingReason(string Code, LicensingOutcome Outcome, string MessageId, string MessageEn, ComplianceEvidence? Evidence = null)
{
    public string Message(bool english) => english ? MessageEn : MessageId;
}

/// <summary>The gate's answer: the worst outcome among the reasons, every reason, and the rule that decided.</summary>
public sealed record LicensingDecision(LicensingOutcome Outcome, IReadOnlyList<LicensingReason> Reasons, LicenceRule Rule);

/// <summary>
/// Decides a licence application from the region's rule and the applicant's compliance (DOMAIN
/// §6.3: licensing offices withhold services at BPJS's request; Inpres 2/2021 asks regions to make
/// coverage a condition of licences). Each finding takes the outcome the rule maps it to; the worst
/// one decides. Exemptions (no proof required, micro firms, a sole trader's own BPU membership)
/// grant before any finding is weighed and say so as the reason.
/// </summary>
public static class LicensingGate
{
    public const string Compliant = "COMPLIANT";
    public const string ProofNotRequired = "PROOF_NOT_REQUIRED";
    public const string ExemptMicro = "EXEMPT_MICRO";
    public const string BpuSoleTrader = "BPU_SOLE_TRADER";
    public const string BpuNotActive = "BPU_NOT_ACTIVE";
    public const string SanctionNotWithheld = "SANCTION_NOT_WITHHELD";

    public static LicensingDecision Decide(LicenceRule rule, ComplianceAssessment assessment, ApplicantFacts applicant)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(applicant);
        if (!rule.RequiresProof)
        {
            return Grant(rule, new LicensingReason(ProofNotRequired, LicensingOutcome.Izinkan,
                $"Izin {rule.NameId} tidak mensyaratkan bukti kepesertaan BPJS Ketenagakerjaan.",
                $"A {rule.NameEn} does not require proof of BPJS Ketenagakerjaan coverage."));
        }

        if (rule.ExemptMicro && applicant.Size == BusinessSize.Micro)
        {
            return Grant(rule, new LicensingReason(ExemptMicro, LicensingOutcome.Izinkan,
                "Usaha mikro dikecualikan dari syarat bukti kepesertaan untuk izin ini.",
                "Micro businesses are exempt from the proof of coverage for this licence."));
        }

        if (assessment.Status == ComplianceStatus.TidakTerdaftar && rule.AcceptBpuForSoleTrader && applicant.SoleTraderHasActiveBpu == true)
        {
            return Grant(rule, new LicensingReason(BpuSoleTrader, LicensingOutcome.Izinkan,
                "Pemohon perorangan terdaftar aktif sebagai peserta Bukan Penerima Upah (BPU).",
                "The sole trader is an active Bukan Penerima Upah (BPU) participant."));
        }

        if (assessment.Findings.Count == 0)
        {
            return Grant(rule, new LicensingReason(Compliant, LicensingOutcome.Izinkan,
                "Pemberi kerja patuh: terdaftar, membayar iuran, tanpa temuan.",
                "The employer is compliant: registered, paying, nothing found."));
        }

        var reasons = new List<LicensingReason>();
        foreach (var finding in assessment.Findings)
        {
            var outcome = rule.Outcomes.TryGetValue(finding.Code, out var mapped) ? mapped : LicensingOutcome.Tinjau;
            if (finding.Code == LicenceRule.Sanctioned && !rule.WithheldUnderTmp2t)
            {
                // TMP2T withholds only the services of PP 86/2013 Pasal 9; for other licences the
                // sanction is worth a look, not a refusal.
                reasons.Add(new LicensingReason(SanctionNotWithheld, LicensingOutcome.Tinjau,
                    finding.MessageId + " Izin ini tidak termasuk layanan yang ditahan (TMP2T).",
                    finding.MessageEn + " This licence is not a service withheld under TMP2T.",
                    finding.Evidence));
                continue;
            }

            reasons.Add(new LicensingReason(finding.Code, outcome, finding.MessageId, finding.MessageEn, finding.Evidence));
        }

        if (assessment.Status == ComplianceStatus.TidakTerdaftar && rule.AcceptBpuForSoleTrader && applicant.SoleTraderHasActiveBpu == false)
        {
            reasons.Add(new LicensingReason(BpuNotActive, LicensingOutcome.Tinjau,
                "NIK pemohon perorangan tidak memiliki kepesertaan BPU yang aktif.",
                "The sole trader's NIK holds no active BPU membership."));
        }

        return new LicensingDecision(reasons.Max(r => r.Outcome), reasons, rule);
    }

    private static LicensingDecision Grant(LicenceRule rule, LicensingReason reason) => new(LicensingOutcome.Izinkan, [reason], rule);
}
