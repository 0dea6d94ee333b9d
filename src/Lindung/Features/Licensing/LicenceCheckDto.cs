using System.Text.Json;
using System.Text.Json.Serialization;
using Lindung.Data.Entities;
using Lindung.Domain.Compliance;
using Lindung.Domain.Licensing;

namespace Lindung.Features.Licensing;

/// <summary>The rule that decided: type, region, when it is in force and the regulation it rests on.</summary>
internal sealed record LicenceRuleDto(
    Guid Id, string LicenceType, string NameId, string NameEn, string RegionCode, DateOnly EffectiveFrom, DateOnly? EffectiveTo,
    bool RequiresProof, bool WithheldUnderTmp2t, bool ExemptMicro, bool AcceptBpuForSoleTrader,
    IReadOnlyDictionary<string, LicensingOutcome> Outcomes, string LegalBasis, bool LegalBasisIsExample)
{
    public static LicenceRuleDto From(Guid id, LicenceRule r) => new(
        id, r.LicenceType, r.NameId, r.NameEn, r.RegionCode, r.EffectiveFrom, r.EffectiveTo, r.RequiresProof, r.WithheldUnderTmp2t,
        r.ExemptMicro, r.AcceptBpuForSoleTrader, r.Outcomes, r.LegalBasis, r.LegalBasisStatus == LegalBasisStatus.Example);

    public string Name(bool english) => english ? NameEn : NameId;
}

internal sealed record LicenceReasonDto(string Code, LicensingOutcome Outcome, string MessageId, string MessageEn, ComplianceEvidence? Evidence)
{
    public string Message(bool english) => english ? MessageEn : MessageId;
}

/// <summary>
/// One stored licence check as the API and the page show it: the decision, every reason with its
/// evidence, the rule version that decided, and who asked when.
/// </summary>
internal sealed record LicenceCheckDto(
    Guid Id,
    string ApplicationNumber,
    string LicenceType,
    LicensingOutcome Outcome,
    IReadOnlyList<LicenceReasonDto> Reasons,
    LicenceRuleDto Rule,
    ComplianceStatus ComplianceStatus,
    EmployerIdentifier Identifier,
    string? NikMasked,
    Guid? EmployerId,
    string? EmployerName,
    string AskedBy,
    DateTime AskedAt,
    string RegionCode)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string SerializeReasons(IEnumerable<LicensingReason> reasons) =>
        JsonSerializer.Serialize(reasons.Select(r => new LicenceReasonDto(r.Code, r.Outcome, r.MessageId, r.MessageEn, r.Evidence)).ToList(), Json);

    public static IReadOnlyList<LicenceReasonDto> ReadReasons(string json) =>
        JsonSerializer.Deserialize<List<LicenceReasonDto>>(json, Json) ?? [];

    /// <summary>A stored row with its rule (loaded with <c>Include</c>); the rule's end is not stored, so it is null here.</summary>
    public static LicenceCheckDto From(LicenceCheck c) => new(
        c.Id, c.ApplicationNumber, c.LicenceType, c.Outcome, ReadReasons(c.Reasons),
        LicenceRuleDto.From(c.RuleId, LicenceRuleStore.ToRule(c.Rule!)), c.ComplianceStatus,
        new EmployerIdentifier(c.IdentifierKind, c.Identifier), c.NikMasked, c.EmployerId, c.EmployerName, c.AskedBy, c.AskedAt, c.RegionCode);
}
