using System.Globalization;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Features.Branches;
using Lindung.Features.Shared;
using Lindung.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Admin;

/// <summary>
/// Branch offices and their working areas: add or rename a branch, add a regency to its working
/// area from a day, end an assignment on a day (a regency moves by ending the old one on the day the
/// new one starts). Every change is audited with the admin as actor.
/// </summary>
[Authorize(Policy = Policies.Administration)]
internal sealed class BranchesModel(LindungDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty]
    public BranchInput Branch { get; set; } = new();

    [BindProperty]
    public AssignInput Assign { get; set; } = new();

    public IReadOnlyList<BranchOffice> Branches { get; private set; } = [];

    public bool Saved { get; private set; }

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(bool saved, CancellationToken ct)
    {
        Saved = saved;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostBranchAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var result = await new ManageBranches(db).SaveAsync(new SaveBranchRequest(Branch.Code, Branch.Name, Branch.Seat), AccessScope.From(User), ct);
        return await AnswerAsync(result.Succeeded, result.Errors, ct);
    }

    public async Task<IActionResult> OnPostAssignAsync(CancellationToken ct)
    {
        ModelState.Clear();
        if (ParseDate(Assign.ValidFrom) is not { } from || (!string.IsNullOrWhiteSpace(Assign.ValidTo) && ParseDate(Assign.ValidTo) is null))
        {
            return await AnswerAsync(false, [BranchErrors.PeriodInvalid], ct);
        }

        var result = await new ManageBranches(db).AssignAsync(
            new AssignWorkingAreaRequest(Assign.BranchCode, Assign.Regency, from, ParseDate(Assign.ValidTo)), AccessScope.From(User), ct);
        return await AnswerAsync(result.Succeeded, result.Errors, ct);
    }

    public async Task<IActionResult> OnPostEndAsync(Guid id, string? validTo, CancellationToken ct)
    {
        ModelState.Clear();
        if (ParseDate(validTo) is not { } end)
        {
            return await AnswerAsync(false, [BranchErrors.EndInvalid], ct);
        }

        var result = await new ManageBranches(db).EndAsync(id, end, AccessScope.From(User), ct);
        return await AnswerAsync(result.Succeeded, result.Errors, ct);
    }

    private async Task<IActionResult> AnswerAsync(bool succeeded, IEnumerable<Application.UseCaseError> errors, CancellationToken ct)
    {
        if (succeeded)
        {
            return Redirect("/admin/branches?saved=true");
        }

        ModelState.AddUseCaseErrors(errors, field => field ?? string.Empty);
        await LoadAsync(ct);
        return Page();
    }

    private static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    /// <summary>The branches seated in, or working in, the admin's regions, with their whole history.</summary>
    private async Task LoadAsync(CancellationToken ct)
    {
        var scope = AccessScope.From(User);
        Today = clock.Today();
        var all = await db.BranchOffices.AsNoTracking().Include(b => b.WorkingAreas).OrderBy(b => b.Code).ToListAsync(ct);
        Branches = [.. all.Where(b => scope.Covers(b.RegionCode) || b.WorkingAreas.Any(w => scope.Covers(w.RegionCode)))];
        foreach (var branch in Branches)
        {
            branch.WorkingAreas = [.. branch.WorkingAreas.OrderBy(w => w.RegionCode, StringComparer.Ordinal).ThenBy(w => w.ValidFrom)];
        }
    }
}

internal sealed class BranchInput
{
    public string? Code { get; set; }

    public string? Name { get; set; }

    public string? Seat { get; set; }
}

internal sealed class AssignInput
{
    public string? BranchCode { get; set; }

    public string? Regency { get; set; }

    public string? ValidFrom { get; set; }

    public string? ValidTo { get; set; }
}
