using System.Globalization;
using Lindung.Application;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Areas;
using Lindung.Domain.Identifiers;
using Lindung.Domain.Procurement;
using Lindung.Features.Shared;
using Lindung.Security;

namespace Lindung.Features.Procurement;

/// <summary>The contractor's workers on the contract, by NIK: the whole list, replacing the previous one.</summary>
internal sealed record AssignWorkersRequest(IReadOnlyList<string>? Niks);

/// <summary>
/// Sets the workers a contractor assigned to an other-services contract (outsourcing, cleaning,
/// security). Every NIK is validated; one bad NIK refuses the whole list, naming its position
/// (<c>niks[2]</c>) and the NIK error, and changes nothing. Each added or removed worker is audited.
/// </summary>
internal sealed class AssignContractWorkers(LindungDbContext db, TimeProvider clock)
{
    public async Task<UseCaseResult<ContractDto>> HandleAsync(Guid contractId, AssignWorkersRequest request, AccessScope scope, CancellationToken ct)
    {
        var contract = await Contracts.FindAsync(db, scope, contractId, ct);
        if (contract is null)
        {
            return ContractErrors.NotFound;
        }

        if (contract.Kind != ContractKind.JasaLainnya)
        {
            return ContractErrors.NotServices;
        }

        var input = request.Niks ?? [];
        if (input.Count > ContractErrors.WorkersMax)
        {
            return ContractErrors.TooManyWorkers;
        }

        var validator = new NikValidator(AreaDirectory.Embedded);
        var today = clock.Today();
        var errors = new List<UseCaseError>();
        var niks = new List<string>();
        for (var i = 0; i < input.Count; i++)
        {
            var check = validator.Check(input[i], today);
            if (check.IsValid)
            {
                niks.Add(check.Normalized!);
            }
            else
            {
                errors.Add(new UseCaseError(check.Errors[0], string.Create(CultureInfo.InvariantCulture, $"{ContractErrors.NiksField}[{i}]")));
            }
        }

        if (errors.Count > 0)
        {
            return UseCaseResult<ContractDto>.Refused([.. errors]);
        }

        var wanted = niks.ToHashSet(StringComparer.Ordinal);
        foreach (var gone in contract.Workers.Where(w => !wanted.Contains(w.Nik)).ToList())
        {
            db.ContractWorkers.Remove(gone);
            contract.Workers.Remove(gone);
        }

        var kept = contract.Workers.Select(w => w.Nik).ToHashSet(StringComparer.Ordinal);
        foreach (var nik in wanted.Where(n => !kept.Contains(n)))
        {
            var worker = new ContractWorker { ContractId = contract.Id, Nik = nik, RegionCode = contract.RegionCode };
            db.ContractWorkers.Add(worker);
            contract.Workers.Add(worker);
        }

        await db.SaveChangesAsync(ct);
        return UseCaseResult<ContractDto>.Ok(ContractDto.From(contract, null));
    }
}
