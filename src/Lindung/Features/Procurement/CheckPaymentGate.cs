using Lindung.Application;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Contributions;
using Lindung.Domain.Procurement;
using Lindung.Features.Shared;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Procurement;

/// <summary>
/// The payment gate as a use case: gathers the contract's facts on the day (Jakon due from the
/// rate book, registration and payment recorded; assigned workers checked against active PU
/// memberships of the contractor), lets <see cref="PaymentGate"/> decide, and stores the question
/// and the answer with the asker. A contract outside the caller's scope is not found.
/// </summary>
internal sealed class CheckPaymentGate(LindungDbContext db, RateBook rates, TimeProvider clock)
{
    public async Task<UseCaseResult<PaymentGateDto>> HandleAsync(Guid contractId, int? stage, AccessScope scope, CancellationToken ct)
    {
        var contract = await Contracts.FindAsync(db, scope, contractId, ct);
        if (contract is null)
        {
            return ContractErrors.NotFound;
        }

        if (stage is null)
        {
            return ContractErrors.StageRequired;
        }

        var facts = await FactsAsync(db, rates, contract, clock.Today(), ct);
        var decision = PaymentGate.Decide(facts, stage.Value);
        var check = new PaymentGateCheck
        {
            ContractId = contract.Id,
            Stage = stage.Value,
            Payable = decision.Payable,
            Reasons = PaymentGateDto.SerializeReasons(decision.Reasons),
            AskedBy = scope.UserName,
            AskedAt = clock.GetUtcNow().UtcDateTime,
            RegionCode = contract.RegionCode,
        };
        db.PaymentGateChecks.Add(check);
        await db.SaveChangesAsync(ct);
        return UseCaseResult<PaymentGateDto>.Ok(PaymentGateDto.From(check, contract));
    }

    /// <summary>What the gate knows of one contract today (the contract loaded with its stages and workers).</summary>
    public static async Task<ContractGateFacts> FactsAsync(LindungDbContext db, RateBook book, Contract contract, DateOnly today, CancellationToken ct)
    {
        var facts = new ContractGateFacts
        {
            Kind = contract.Kind,
            StageNumbers = [.. contract.Stages.Select(s => s.Number)],
            JakonDue = Contracts.JakonDue(book, contract) ?? 0,
            JakonRegistrationNumber = contract.JakonRegistrationNumber,
            JakonPaid = contract.JakonPaid,
            AssignedWorkers = contract.Workers.Count,
        };
        if (contract.Kind != ContractKind.JasaLainnya || contract.Workers.Count == 0)
        {
            return facts;
        }

        var active = await ActiveNiksAsync(db, contract, today, ct);
        return facts with
        {
            WorkersNotActive = [.. contract.Workers.Select(w => w.Nik).Where(n => !active.Contains(n)).Order(StringComparer.Ordinal).Select(Domain.Identifiers.Nik.Mask)],
        };
    }

    /// <summary>The assigned NIKs that hold an active PU membership with the contractor's NPP today, read in the agency's province.</summary>
    private static async Task<HashSet<string>> ActiveNiksAsync(LindungDbContext db, Contract contract, DateOnly today, CancellationToken ct)
    {
        var npp = contract.Contractor?.Npp
            ?? await db.Employers.Where(e => e.Id == contract.ContractorId).Select(e => e.Npp).FirstOrDefaultAsync(ct);
        if (npp is null)
        {
            return [];
        }

        var niks = contract.Workers.Select(w => w.Nik).ToList();
        var province = Contracts.LookupRegion(contract.RegionCode);
        var found = await db.Memberships.AsNoTracking()
            .Where(RegionFilter.Within<Membership>([province]))
            .CoveredOn(today)
            .Where(m => m.Segment == Segment.Pu && m.EmployerNpp == npp && niks.Contains(m.Worker!.Nik))
            .Select(m => m.Worker!.Nik)
            .Distinct()
            .ToListAsync(ct);
        return found.ToHashSet(StringComparer.Ordinal);
    }
}
