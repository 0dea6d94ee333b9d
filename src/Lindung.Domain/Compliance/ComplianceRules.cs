using System.Globalization;
using Lindung.Domain.Contributions;
using Lindung.Domain.Rosters;

namespace Lindung.Domain.Compliance;

/// <summary>
/// Turns registry facts into a status (DOMAIN §6.1 PDS, §2.3 due dates): no active participation
/// is TIDAK_TERDAFTAR; any finding — arrears, workers not enrolled (PDS Tenaga Kerja), wages
/// reported below payroll (PDS Upah), programs missing for the size (PDS Program) — is TIDAK_PATUH.
/// </summary>
public static class ComplianceRules
{
    public const string NotRegistered = "NOT_REGISTERED";
    public const string Arrears = "ARREARS";
    public const string PdsWorkers = "PDS_WORKERS";
    public const string PdsWage = "PDS_WAGE";
    public const string PdsProgram = "PDS_PROGRAM";
    public const string Sanctioned = "SANCTIONED";

    // Messages are read by people: months and days in words, in the message's language.
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static ComplianceAssessment Assess(EmployerFacts facts, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.Npp is null || facts.ActiveMembers == 0)
        {
            return new ComplianceAssessment(ComplianceStatus.TidakTerdaftar, [NotRegisteredFinding(facts), .. SanctionFindings(facts)]);
        }

        var findings = new List<ComplianceFinding>();
        var asOf = facts.ExtractDate ?? today;
        if (facts.LastPaidMonth is { } lastPaid && ContributionDue.MonthsUnpaid(lastPaid, asOf) is > 0 and var months)
        {
            findings.Add(new ComplianceFinding(
                Arrears,
                Text($"Menunggak iuran {months} bulan: terakhir dibayar {Month(lastPaid, Indonesian)}, seharusnya sampai {Month(ContributionDue.LastMonthDue(asOf), Indonesian)}."),
                Text($"{months} month(s) of contributions unpaid: last paid {Month(lastPaid, English)}, due through {Month(ContributionDue.LastMonthDue(asOf), English)}."),
                new ComplianceEvidence
                {
                    Months = months,
                    LastPaidMonth = lastPaid,
                    DueThrough = ContributionDue.LastMonthDue(asOf),
                    ExtractId = facts.ExtractId,
                    AsOf = asOf,
                }));
        }

        if (facts.KnownWorkersNotEnrolled > 0)
        {
            findings.Add(new ComplianceFinding(
                PdsWorkers,
                Text($"PDS Tenaga Kerja: {facts.KnownWorkersNotEnrolled} dari {facts.KnownWorkers} pekerja yang tercatat belum terdaftar sebagai peserta aktif."),
                Text($"PDS workers: {facts.KnownWorkersNotEnrolled} of {facts.KnownWorkers} known workers are not active participants."),
                new ComplianceEvidence { Count = facts.KnownWorkersNotEnrolled, Of = facts.KnownWorkers, ExtractId = facts.ExtractId, AsOf = facts.ExtractDate }));
        }

        if (facts.MembersWageBelowPayroll > 0)
        {
            findings.Add(new ComplianceFinding(
                PdsWage,
                Text($"PDS Upah: upah {facts.MembersWageBelowPayroll} peserta dilaporkan lebih rendah dari upah yang tercatat."),
                Text($"PDS wage: {facts.MembersWageBelowPayroll} participant(s) reported below the wage on record."),
                new ComplianceEvidence { Count = facts.MembersWageBelowPayroll, Of = facts.ActiveMembers, ExtractId = facts.ExtractId, AsOf = facts.ExtractDate }));
        }

        if (facts.MembersMissingPrograms > 0)
        {
            var required = RequiredProgramText(facts.Size);
            var listed = required.Replace(",", ", ", StringComparison.Ordinal);
            findings.Add(new ComplianceFinding(
                PdsProgram,
                Text($"PDS Program: {facts.MembersMissingPrograms} peserta tidak mengikuti semua program wajib ({listed}; {ProgramStaging.LegalBasis})."),
                Text($"PDS program: {facts.MembersMissingPrograms} participant(s) lack a required program ({listed}; {ProgramStaging.LegalBasis})."),
                new ComplianceEvidence { Count = facts.MembersMissingPrograms, Of = facts.ActiveMembers, Programs = required, ExtractId = facts.ExtractId, AsOf = facts.ExtractDate }));
        }

        findings.AddRange(SanctionFindings(facts));
        return new ComplianceAssessment(findings.Count == 0 ? ComplianceStatus.Patuh : ComplianceStatus.TidakPatuh, findings);
    }

    /// <summary>The programs an employer of this size must join; an unknown size is held to the floor every employer owes.</summary>
    public static IReadOnlyList<ContributionProgram> RequiredPrograms(BusinessSize? size) =>
        ProgramStaging.RequiredPrograms(size ?? BusinessSize.Micro);

    /// <summary>The same requirement as the registry stores programs, for a query that counts who lacks one.</summary>
    public static ProgramSet RequiredProgramSet(BusinessSize? size) =>
        RequiredPrograms(size).Aggregate(ProgramSet.None, (set, program) => set | program switch
        {
            ContributionProgram.Jkk => ProgramSet.Jkk,
            ContributionProgram.Jkm => ProgramSet.Jkm,
            ContributionProgram.Jht => ProgramSet.Jht,
            ContributionProgram.Jp => ProgramSet.Jp,
            _ => ProgramSet.None,
        });

    private static string RequiredProgramText(BusinessSize? size) =>
        string.Join(',', RequiredPrograms(size).Select(p => p.ToString().ToUpperInvariant()));

    private static ComplianceFinding NotRegisteredFinding(EmployerFacts facts) => new(
        NotRegistered,
        facts.Npp is null
            ? "Tidak ada pendaftaran BPJS Ketenagakerjaan (NPP) untuk pemberi kerja ini."
            : Text($"NPP {facts.Npp} tidak memiliki peserta Penerima Upah yang aktif."),
        facts.Npp is null
            ? "No BPJS Ketenagakerjaan registration (NPP) for this employer."
            : Text($"NPP {facts.Npp} has no active wage-earner participants."),
        new ComplianceEvidence { Count = facts.KnownWorkers > 0 ? facts.KnownWorkers : null, ExtractId = facts.ExtractId, AsOf = facts.ExtractDate });

    private static IEnumerable<ComplianceFinding> SanctionFindings(EmployerFacts facts)
    {
        if (facts.Sanction is { } sanction)
        {
            yield return new ComplianceFinding(
                Sanctioned,
                $"Dikenai sanksi TMP2T sejak {Day(sanction.Since, Indonesian)} (kasus {sanction.CaseNumber}): layanan publik tertentu ditahan atas permintaan BPJS Ketenagakerjaan (PP 86/2013 Pasal 9).",
                $"Under a TMP2T sanction since {Day(sanction.Since, English)} (case {sanction.CaseNumber}): certain public services are withheld at BPJS Ketenagakerjaan's request (PP 86/2013 Art. 9).",
                new ComplianceEvidence { CaseId = sanction.CaseId, CaseNumber = sanction.CaseNumber, AsOf = sanction.Since });
        }
    }

    private static string Month(DateOnly month, CultureInfo language) => month.ToString("MMMM yyyy", language);

    private static string Day(DateOnly day, CultureInfo language) => day.ToString("d MMMM yyyy", language);

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
