using System.Text.Json;
using System.Text.Json.Serialization;
using Lindung.Data.Entities;
using Lindung.Domain.Procurement;

namespace Lindung.Features.Procurement;

internal sealed record ContractStageDto(int Number, decimal? Share, long Amount, DateOnly? PlannedDate);

/// <summary>The construction contract's Jakon: the contribution due by the contract-value method, the registration and payment recorded.</summary>
internal sealed record JakonDto(long? Due, string? RegistrationNumber, long Paid, DateOnly? PaidDate);

/// <summary>One contract as the API and the pages show it; assigned workers' NIKs are masked.</summary>
internal sealed record ContractDto(
    Guid Id,
    string Number,
    Guid AgencyId,
    string? AgencyName,
    string? CommitmentOfficer,
    Guid ContractorId,
    string? ContractorName,
    string? ContractorNpp,
    ContractKind Kind,
    long Value,
    DateOnly StartDate,
    DateOnly EndDate,
    string LocationCode,
    IReadOnlyList<ContractStageDto> Stages,
    JakonDto? Jakon,
    IReadOnlyList<string>? Workers,
    string CreatedBy,
    DateTime CreatedAt,
    string RegionCode)
{
    /// <summary>A contract with its agency, contractor, stages and workers loaded; <paramref name="jakonDue"/> for construction.</summary>
    public static ContractDto From(Contract c, long? jakonDue) => new(
        c.Id,
        c.Number,
        c.AgencyId,
        c.Agency?.Name,
        c.CommitmentOfficer,
        c.ContractorId,
        c.Contractor?.Name,
        c.Contractor?.Npp,
        c.Kind,
        c.Value,
        c.StartDate,
        c.EndDate,
        c.LocationCode,
        [.. c.Stages.OrderBy(s => s.Number).Select(s => new ContractStageDto(s.Number, s.ShareBasisPoints is { } bp ? bp / 100m : null, s.Amount, s.PlannedOn))],
        c.Kind == ContractKind.Konstruksi ? new JakonDto(jakonDue, c.JakonRegistrationNumber, c.JakonPaid, c.JakonPaidOn) : null,
        c.Kind == ContractKind.JasaLainnya ? [.. c.Workers.Select(w => Domain.Identifiers.Nik.Mask(w.Nik)).Order(StringComparer.Ordinal)] : null,
        c.CreatedBy,
        c.CreatedAt,
        c.RegionCode);
}

internal sealed record GateReasonDto(string Code, bool Blocks, string MessageId, string MessageEn, GateEvidence? Evidence)
{
    public string Message(bool english) => english ? MessageEn : MessageId;
}

/// <summary>One stored payment-gate answer: payable or not, every reason, who asked when.</summary>
internal sealed record PaymentGateDto(
    Guid Id, Guid ContractId, string ContractNumber, ContractKind Kind, int Stage, bool Payable, IReadOnlyList<GateReasonDto> Reasons, string AskedBy, DateTime AskedAt)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string SerializeReasons(IEnumerable<GateReason> reasons) =>
        JsonSerializer.Serialize(reasons.Select(r => new GateReasonDto(r.Code, r.Blocks, r.MessageId, r.MessageEn, r.Evidence)).ToList(), Json);

    public static IReadOnlyList<GateReasonDto> ReadReasons(string json) =>
        JsonSerializer.Deserialize<List<GateReasonDto>>(json, Json) ?? [];

    public static PaymentGateDto From(PaymentGateCheck check, Contract contract) => new(
        check.Id, contract.Id, contract.Number, contract.Kind, check.Stage, check.Payable, ReadReasons(check.Reasons), check.AskedBy, check.AskedAt);
}

/// <summary>An import's answer on the API: counts, whether it was committed, the first refused rows (the report lists all).</summary>
internal sealed record ContractImportDto(
    Guid BatchId, Guid AgencyId, string AgencyCode, int RowsRead, int RowsInvalid, int New, int Changed, int Unchanged, bool Committed, IReadOnlyList<Imports.RowIssue> Issues)
{
    public static ContractImportDto From(ContractImportResult r) =>
        new(r.BatchId, r.AgencyId, r.AgencyCode, r.RowsRead, r.RowsInvalid, r.New, r.Changed, r.Unchanged, r.Committed, r.Issues);
}
