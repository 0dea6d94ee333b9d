using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Areas;
using Lindung.Domain.Contributions;
using Lindung.Features.Shared;
using Lindung.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Procurement;

/// <summary>
/// One contract: its facts, the payment gate per stage (each answer asked here is stored like the
/// API's), the Jakon record for construction (the branch or admin records it) and the assigned
/// workers for other services (the commitment officer or admin sets them).
/// </summary>
[Authorize(Policy = Policies.Procurement)]
internal sealed class DetailsModel(
    LindungDbContext db, RateBook rates, CheckPaymentGate gate, RecordJakon recordJakon, AssignContractWorkers assign) : PageModel
{
    public Contract Contract { get; private set; } = null!;

    public long? JakonDue { get; private set; }

    public string? LocationName { get; private set; }

    /// <summary>The gate's latest stored answer per stage number.</summary>
    public IReadOnlyDictionary<int, PaymentGateDto> LatestByStage { get; private set; } = new Dictionary<int, PaymentGateDto>();

    public IReadOnlyList<PaymentGateDto> Checks { get; private set; } = [];

    /// <summary>The answer just asked for on this page.</summary>
    public PaymentGateDto? Answer { get; private set; }

    [BindProperty]
    public JakonInput Jakon { get; set; } = new();

    [BindProperty]
    public string? Niks { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostGateAsync(Guid id, int stage, CancellationToken ct)
    {
        var result = await gate.HandleAsync(id, stage, AccessScope.From(User), ct);
        if (!result.Succeeded)
        {
            return NotFound();
        }

        Answer = result.Value;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostJakonAsync(Guid id, CancellationToken ct)
    {
        if (!Policies.Allows(User, Policies.JakonRecord))
        {
            return Forbid();
        }

        var result = await recordJakon.HandleAsync(id, new JakonRecordRequest(Jakon.RegistrationNumber, Jakon.PaidAmount, Jakon.PaidDate), AccessScope.From(User), ct);
        return await AfterWriteAsync(id, result.Succeeded, result.Errors, ct);
    }

    public async Task<IActionResult> OnPostWorkersAsync(Guid id, CancellationToken ct)
    {
        if (!Policies.Allows(User, Policies.ProcurementEdit))
        {
            return Forbid();
        }

        var niks = (Niks ?? string.Empty).Split(['\n', '\r', ',', ';', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var result = await assign.HandleAsync(id, new AssignWorkersRequest(niks), AccessScope.From(User), ct);
        return await AfterWriteAsync(id, result.Succeeded, result.Errors, ct);
    }

    private async Task<IActionResult> AfterWriteAsync(Guid id, bool succeeded, IReadOnlyList<Application.UseCaseError> errors, CancellationToken ct)
    {
        if (succeeded)
        {
            return Redirect($"/contracts/{id}");
        }

        if (errors[0].Code == ContractErrors.NotFound.Code)
        {
            return NotFound();
        }

        ModelState.Clear();
        ModelState.AddUseCaseErrors(errors, field => field ?? string.Empty);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var contract = await Contracts.FindAsync(db, AccessScope.From(User), id, ct);
        if (contract is null)
        {
            return false;
        }

        Contract = contract;
        JakonDue = Contracts.JakonDue(rates, contract);
        LocationName = AreaDirectory.Embedded.Find(contract.LocationCode)?.Name;
        var checks = await db.PaymentGateChecks.AsNoTracking().Where(c => c.ContractId == id)
            .OrderByDescending(c => c.AskedAt).ThenByDescending(c => c.Id).Take(50).ToListAsync(ct);
        Checks = [.. checks.Select(c => PaymentGateDto.From(c, contract))];
        LatestByStage = Checks.GroupBy(c => c.Stage).ToDictionary(g => g.Key, g => g.First());
        return true;
    }
}

internal sealed class JakonInput
{
    public string? RegistrationNumber { get; set; }

    public long? PaidAmount { get; set; }

    public DateOnly? PaidDate { get; set; }
}
