using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Features.Shared;
using Lindung.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Procurement;

/// <summary>The form to register a contract (<see cref="RegisterContract"/>): a commitment officer for its agency, an admin for one it chooses.</summary>
[Authorize(Policy = Policies.ProcurementEdit)]
internal sealed class NewModel(LindungDbContext db, RegisterContract register) : PageModel
{
    public const int StageRows = 4;

    [BindProperty]
    public ContractInput Input { get; set; } = new();

    /// <summary>The agencies an admin may choose from; empty for a commitment officer, whose agency is its own.</summary>
    public IReadOnlyList<Agency> Agencies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var stages = Input.Stages
            .Where(s => s.Number is not null || s.Share is not null || s.Amount is not null)
            .Select(s => new ContractStageRequest(s.Number, s.Share, s.Amount, s.PlannedDate))
            .ToList();
        var request = new ContractRequest(
            Input.Number, Input.AgencyId, Input.CommitmentOfficer, Input.Contractor, Input.Kind, Input.Value, Input.StartDate, Input.EndDate, Input.LocationCode, stages);
        var result = await register.HandleAsync(request, AccessScope.From(User), ct);
        if (result.Succeeded)
        {
            return Redirect($"/contracts/{result.Value.Id}");
        }

        ModelState.Clear();
        ModelState.AddUseCaseErrors(result.Errors, field => field is null ? string.Empty : "Input." + field);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var scope = AccessScope.From(User);
        Agencies = scope.ProcuresForAgency
            ? []
            : await db.AgenciesFor(scope).AsNoTracking().OrderBy(a => a.Name).Take(500).ToListAsync(ct);
        while (Input.Stages.Count < StageRows)
        {
            Input.Stages.Add(new StageInput());
        }
    }
}

internal sealed class ContractInput
{
    public string? Number { get; set; }

    public Guid? AgencyId { get; set; }

    public string? CommitmentOfficer { get; set; }

    public string? Contractor { get; set; }

    public string? Kind { get; set; }

    public long? Value { get; set; }

    public DateOnly? StartDate { get; set; }

    public DateOnly? EndDate { get; set; }

    public string? LocationCode { get; set; }

    public List<StageInput> Stages { get; set; } = [];
}

internal sealed class StageInput
{
    public int? Number { get; set; }

    public decimal? Share { get; set; }

    public long? Amount { get; set; }

    public DateOnly? PlannedDate { get; set; }
}
