using Lindung.Application;
using Lindung.Data;
using Lindung.Domain.Contributions;
using Lindung.Domain.Procurement;
using Lindung.Features.Shared;
using Lindung.Security;

namespace Lindung.Features.Procurement;

/// <summary>The project's Jakon registration and payment, as the branch reads them from E-Jakon.</summary>
internal sealed record JakonRecordRequest(string? RegistrationNumber, long? PaidAmount, DateOnly? PaidDate);

/// <summary>
/// Records a construction contract's Jakon registration number, the contribution paid and when:
/// the branch or an admin, on a contract of their regions. Audited by the interceptor (before and after).
/// </summary>
internal sealed class RecordJakon(LindungDbContext db, RateBook rates, TimeProvider clock)
{
    public async Task<UseCaseResult<ContractDto>> HandleAsync(Guid contractId, JakonRecordRequest request, AccessScope scope, CancellationToken ct)
    {
        var contract = await Contracts.FindAsync(db, scope, contractId, ct);
        if (contract is null)
        {
            return ContractErrors.NotFound;
        }

        if (contract.Kind != ContractKind.Konstruksi)
        {
            return ContractErrors.NotConstruction;
        }

        var errors = new List<UseCaseError>();
        var registration = request.RegistrationNumber?.Trim();
        if (string.IsNullOrEmpty(registration))
        {
            errors.Add(ContractErrors.RegistrationRequired);
        }
        else if (registration.Length > ContractErrors.RegistrationMax)
        {
            errors.Add(ContractErrors.RegistrationTooLong);
        }

        var paid = request.PaidAmount ?? 0;
        if (paid < 0)
        {
            errors.Add(ContractErrors.PaidNegative);
        }

        if (paid > 0 && request.PaidDate is null)
        {
            errors.Add(ContractErrors.PaidDateRequired);
        }
        else if (request.PaidDate > clock.Today())
        {
            errors.Add(ContractErrors.PaidDateFuture);
        }

        if (errors.Count > 0)
        {
            return UseCaseResult<ContractDto>.Refused([.. errors]);
        }

        contract.JakonRegistrationNumber = registration;
        contract.JakonPaid = paid;
        contract.JakonPaidOn = paid > 0 ? request.PaidDate : null;
        await db.SaveChangesAsync(ct);
        return UseCaseResult<ContractDto>.Ok(ContractDto.From(contract, Contracts.JakonDue(rates, contract)));
    }
}
