using System.Globalization;
using Lindung.Domain.Compliance;

namespace Lindung.Domain.Licensing;

/// <summary>Whether a rule's legal basis was checked against the regulation's text or is an example to replace.</summary>
public enum LegalBasisStatus
{
    Confirmed,
    Example,
}

/// <summary>
/// One version of a region's rule for one licence type: from <see cref="EffectiveFrom"/> until the
/// next version of the same type and region starts (history is never edited; a change is a new
/// version). <see cref="RegionCode"/> is a regency/city (<c>35.77</c>) or a whole province written
/// <c>PP.00</c> (<c>35.00</c>), which applies where the regency has no rule of its own.
/// </summary>
public sealed record LicenceRule
{
    /// <summary>Finding code for a TMP2T sanction (PP 86/2013 Pasal 9) requested by BPJS against the applicant.</summary>
    public const string Sanctioned = ComplianceRules.Sanctioned;

    public required string LicenceType { get; init; }

    public required string NameId { get; init; }

    public required string NameEn { get; init; }

    public required string RegionCode { get; init; }

    public required DateOnly EffectiveFrom { get; init; }

    /// <summary>The day before the next version starts; null while this is the latest version.</summary>
    public DateOnly? EffectiveTo { get; init; }

    /// <summary>False: the licence is granted without proof of coverage (the rule is kept to say so, with its basis).</summary>
    public bool RequiresProof { get; init; } = true;

    /// <summary>Whether the licence is a public service withheld under TMP2T (PP 86/2013 Pasal 9(1)).</summary>
    public bool WithheldUnderTmp2t { get; init; }

    /// <summary>Micro businesses (UU 20/2008) are granted without proof.</summary>
    public bool ExemptMicro { get; init; }

    /// <summary>An applicant not registered as an employer passes with the sole trader's own active BPU membership.</summary>
    public bool AcceptBpuForSoleTrader { get; init; }

    /// <summary>Outcome per compliance finding code; a finding not listed is <see cref="LicensingOutcome.Tinjau"/>.</summary>
    public required IReadOnlyDictionary<string, LicensingOutcome> Outcomes { get; init; }

    /// <summary>The regulation and article the rule rests on, e.g. <c>Perwali Kota Madiun No. 12 Tahun 2022 Pasal 7</c>.</summary>
    public required string LegalBasis { get; init; }

    public LegalBasisStatus LegalBasisStatus { get; init; } = LegalBasisStatus.Confirmed;

    /// <summary>The finding codes an outcome map may name.</summary>
    public static IReadOnlyList<string> FindingCodes { get; } =
    [
        ComplianceRules.NotRegistered, ComplianceRules.Arrears, ComplianceRules.PdsWorkers,
        ComplianceRules.PdsWage, ComplianceRules.PdsProgram, Sanctioned,
    ];

    /// <summary>The usual map: no registration, arrears and unregistered workers refuse; wage and program findings go to review; a sanction refuses.</summary>
    public static IReadOnlyDictionary<string, LicensingOutcome> DefaultOutcomes { get; } = new Dictionary<string, LicensingOutcome>(StringComparer.Ordinal)
    {
        [ComplianceRules.NotRegistered] = LicensingOutcome.Tolak,
        [ComplianceRules.Arrears] = LicensingOutcome.Tolak,
        [ComplianceRules.PdsWorkers] = LicensingOutcome.Tolak,
        [ComplianceRules.PdsWage] = LicensingOutcome.Tinjau,
        [ComplianceRules.PdsProgram] = LicensingOutcome.Tinjau,
        [Sanctioned] = LicensingOutcome.Tolak,
    };

    public bool IsProvinceWide => RegionCode.EndsWith(".00", StringComparison.Ordinal);

    public bool InForceOn(DateOnly day) => EffectiveFrom <= day && (EffectiveTo is null || day <= EffectiveTo);

    /// <summary>The outcome map as stored: <c>ARREARS=TOLAK,PDS_WAGE=TINJAU</c>, in <see cref="FindingCodes"/> order.</summary>
    public static string FormatOutcomes(IReadOnlyDictionary<string, LicensingOutcome> outcomes) => string.Join(',',
        FindingCodes.Where(outcomes.ContainsKey).Select(code => string.Create(CultureInfo.InvariantCulture, $"{code}={LicensingOutcomes.Code(outcomes[code])}")));

    /// <summary>Reads <see cref="FormatOutcomes"/> text; null names the first part it cannot read.</summary>
    public static IReadOnlyDictionary<string, LicensingOutcome>? ParseOutcomes(string? text, out string? bad)
    {
        bad = null;
        var map = new Dictionary<string, LicensingOutcome>(StringComparer.Ordinal);
        foreach (var part in (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pieces = part.Split('=', 2, StringSplitOptions.TrimEntries);
            var code = pieces[0].ToUpperInvariant();
            if (pieces.Length != 2 || !FindingCodes.Contains(code) || !LicensingOutcomes.TryParse(pieces[1], out var outcome) || !map.TryAdd(code, outcome))
            {
                bad = part;
                return null;
            }
        }

        return map;
    }
}
