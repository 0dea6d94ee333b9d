using Lindung.Application;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Areas;
using Lindung.Domain.Compliance;
using Lindung.Domain.Contributions;
using Lindung.Domain.Procurement;
using Lindung.Features.Employers;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Procurement;

/// <summary>One payment stage as sent: its number, and either a share of the value (percent) or an amount (rupiah).</summary>
internal sealed record ContractStageRequest(int? Number, decimal? Share, long? Amount, DateOnly? PlannedDate);

/// <summary>A new contract as a procurement system or a commitment officer sends it.</summary>
internal sealed record ContractRequest(
    string? Number,
    Guid? AgencyId,
    string? CommitmentOfficer,
    string? Contractor,
    string? Kind,
    long? Value,
    DateOnly? StartDate,
    DateOnly? EndDate,
    string? LocationCode,
    IReadOnlyList<ContractStageRequest>? Stages);

/// <summary>A contract that passed the rules (not yet in the context) and its contractor as found, read without tracking.</summary>
internal sealed record CheckedContract(Contract Contract, Employer Contractor);

/// <summary>
/// Registers a contract in the agency's registry: a commitment officer for its own agency, an admin
/// for an agency of its regions. Every field is checked and every error named; a refused request
/// stores nothing. The contract is audited by the interceptor like every registry row.
/// </summary>
internal sealed class RegisterContract(LindungDbContext db, RateBook rates, TimeProvider clock)
{
    public async Task<UseCaseResult<ContractDto>> HandleAsync(ContractRequest request, AccessScope scope, CancellationToken ct)
    {
        var errors = new List<UseCaseError>();
        var agency = await FindAgencyAsync(request.AgencyId, scope, errors, ct);
        var (checkedContract, jakonDue) = await CheckAsync(request, agency, scope.UserName, numberMayExist: false, errors, ct);
        if (errors.Count > 0)
        {
            return UseCaseResult<ContractDto>.Refused([.. errors]);
        }

        var (contract, contractor) = checkedContract!;
        var number = contract.Number;
        db.Contracts.Add(contract);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two clerks registered the same number at once: the unique index kept one.
            db.Entry(contract).State = EntityState.Detached;
            if (await db.Contracts.AnyAsync(c => c.AgencyId == agency!.Id && c.Number == number, ct))
            {
                return ContractErrors.NumberTaken;
            }

            throw;
        }

        contract.Agency = agency;
        contract.Contractor = contractor;
        return UseCaseResult<ContractDto>.Ok(ContractDto.From(contract, jakonDue));
    }

    /// <summary>
    /// The rules every contract of <paramref name="agency"/> passes, whether registered one by one or
    /// imported from a file: each failure is added to <paramref name="errors"/>. When none fails, the
    /// contract (not yet added to the context) with its contractor, and its Jakon due. An import lets
    /// the number exist already (<paramref name="numberMayExist"/>): it updates that contract.
    /// </summary>
    public async Task<(CheckedContract? Checked, long? JakonDue)> CheckAsync(
        ContractRequest request, Agency? agency, string createdBy, bool numberMayExist, List<UseCaseError> errors, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(errors);
        var before = errors.Count;
        var number = request.Number?.Trim();
        if (string.IsNullOrEmpty(number))
        {
            errors.Add(ContractErrors.NumberRequired);
        }
        else if (number.Length > ContractErrors.NumberMax)
        {
            errors.Add(ContractErrors.NumberTooLong);
        }
        else if (!numberMayExist && agency is not null && await db.Contracts.AnyAsync(c => c.AgencyId == agency.Id && c.Number == number, ct))
        {
            errors.Add(ContractErrors.NumberTaken);
        }

        var officer = string.IsNullOrWhiteSpace(request.CommitmentOfficer) ? null : request.CommitmentOfficer.Trim();
        if (officer?.Length > ContractErrors.OfficerMax)
        {
            errors.Add(ContractErrors.OfficerTooLong);
        }

        Employer? contractor = null;
        if (!EmployerIdentifier.TryParse(request.Contractor, out var identifier, out var identifierError))
        {
            errors.Add(new UseCaseError(identifierError!, ContractErrors.ContractorField));
        }
        else if (agency is not null)
        {
            var province = Contracts.LookupRegion(agency.RegionCode);
            contractor = await db.Employers.AsNoTracking().Where(RegionFilter.Within<Employer>([province])).FindByIdentifierAsync(identifier!, ct);
            if (contractor is null)
            {
                errors.Add(ContractErrors.ContractorUnknown);
            }
        }

        var kindKnown = ContractKinds.TryParse(request.Kind, out var kind);
        if (!kindKnown)
        {
            errors.Add(ContractErrors.KindUnknown);
        }

        var value = request.Value;
        if (value is null)
        {
            errors.Add(ContractErrors.ValueRequired);
        }
        else if (value <= 0)
        {
            errors.Add(ContractErrors.ValueNotPositive);
        }

        if (request.StartDate is null)
        {
            errors.Add(ContractErrors.StartRequired);
        }

        if (request.EndDate is null)
        {
            errors.Add(ContractErrors.EndRequired);
        }
        else if (request.StartDate is { } s && request.EndDate < s)
        {
            errors.Add(ContractErrors.EndBeforeStart);
        }

        var location = AreaCode.Normalize(request.LocationCode?.Trim() ?? string.Empty);
        if (location is null || AreaCode.LevelOf(location) != AreaLevel.Village || !AreaDirectory.Embedded.Exists(location))
        {
            errors.Add(ContractErrors.LocationUnknown);
        }

        long? jakonDue = null;
        if (kindKnown && kind == ContractKind.Konstruksi && value > 0 && request.StartDate is { } start)
        {
            jakonDue = Contracts.JakonDue(rates, value.Value, start);
            if (jakonDue is null)
            {
                errors.Add(ContractErrors.JakonRatesMissing);
            }
        }

        var stages = ReadStages(request.Stages, value > 0 ? value.Value : null, errors);
        if (errors.Count > before)
        {
            return (null, null);
        }

        var contract = new Contract
        {
            Number = number!,
            AgencyId = agency!.Id,
            CommitmentOfficer = officer,
            ContractorId = contractor!.Id,
            Kind = kind,
            Value = value!.Value,
            StartDate = request.StartDate!.Value,
            EndDate = request.EndDate!.Value,
            LocationCode = location!,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedBy = createdBy,
            RegionCode = agency.RegionCode,
        };
        foreach (var stage in stages)
        {
            stage.ContractId = contract.Id;
            stage.RegionCode = agency.RegionCode;
            contract.Stages.Add(stage);
        }

        return (new CheckedContract(contract, contractor), jakonDue);
    }

    /// <summary>A commitment officer's own agency; otherwise the agency named, among those the caller may see.</summary>
    private async Task<Agency?> FindAgencyAsync(Guid? requested, AccessScope scope, List<UseCaseError> errors, CancellationToken ct)
    {
        var id = scope.ProcuresForAgency ? scope.AgencyId : requested;
        if (id is null)
        {
            errors.Add(ContractErrors.AgencyRequired);
            return null;
        }

        if (scope.ProcuresForAgency && requested is { } other && other != scope.AgencyId)
        {
            errors.Add(ContractErrors.AgencyUnknown);
            return null;
        }

        var agencies = scope.ProcuresForAgency ? db.Agencies.Where(a => a.Id == scope.AgencyId) : db.AgenciesFor(scope);
        var agency = await agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (agency is null)
        {
            errors.Add(ContractErrors.AgencyUnknown);
        }

        return agency;
    }

    /// <summary>The stages with their amounts: a share is turned into rupiah (rounded half up), and together they stay within the value.</summary>
    private static List<ContractStage> ReadStages(IReadOnlyList<ContractStageRequest>? input, long? value, List<UseCaseError> errors)
    {
        var stages = new List<ContractStage>();
        if (input is null || input.Count == 0 || input.Count > ContractErrors.StagesMax)
        {
            errors.Add(ContractErrors.StagesRequired);
            return stages;
        }

        if (input.Any(s => s.Number is null or < 1) || input.Select(s => s.Number).Distinct().Count() != input.Count)
        {
            errors.Add(ContractErrors.StageNumberInvalid);
        }

        if (input.Any(s => (s.Share is null) == (s.Amount is null) || s.Share is <= 0 or > 100 || s.Amount is <= 0))
        {
            errors.Add(ContractErrors.StageShareOrAmount);
            return stages;
        }

        var basisPoints = 0m;
        foreach (var s in input)
        {
            int? bp = s.Share is { } share ? (int)Math.Round(share * 100m, MidpointRounding.AwayFromZero) : null;
            var amount = s.Amount ?? (value is { } v ? (long)Math.Round(v * s.Share!.Value / 100m, MidpointRounding.AwayFromZero) : 0);
            basisPoints += bp ?? (value is { } total ? s.Amount!.Value * 10_000m / total : 0);
            stages.Add(new ContractStage { Number = s.Number ?? 0, ShareBasisPoints = bp, Amount = amount, PlannedOn = s.PlannedDate, RegionCode = string.Empty });
        }

        if (value is { } whole && (basisPoints > 10_000m || stages.Sum(s => s.Amount) > whole))
        {
            errors.Add(ContractErrors.StageSharesExceed);
        }

        return stages;
    }
}
