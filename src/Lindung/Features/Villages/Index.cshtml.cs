using System.Globalization;
using Lindung.Data;
using Lindung.Domain.Areas;
using Lindung.Features.Imports;
using Lindung.Features.Shared;
using Lindung.Hosting;
using Lindung.Localization;
using Lindung.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lindung.Features.Villages;

/// <summary>
/// "Satu OPD Satu Desa Dampingan": the fostered villages and the agencies ranked by their villages'
/// progress; the regional admin assigns an agency to a village of its regency here.
/// </summary>
[Authorize(Policy = Policies.Villages)]
internal sealed class IndexModel(
    LindungDbContext db, RankVillages rank, AssignVillage assign, ImportVillagePopulation importPopulation, LindungHostOptions host, IOptions<ImportOptions> importOptions)
    : PageModel
{
    [BindProperty]
    public Guid AgencyId { get; set; }

    [BindProperty]
    public string? VillageCode { get; set; }

    [BindProperty]
    public DateOnly? ValidFrom { get; set; }

    [BindProperty]
    public DateOnly? ValidTo { get; set; }

    public VillageRanking Ranking { get; private set; } = new([], []);

    public bool MayAssign => Policies.Allows(User, Policies.VillagesEdit);

    /// <summary>The agencies an admin may assign, by name.</summary>
    public IReadOnlyList<(Guid Id, string Name, string RegionCode)> Agencies { get; private set; } = [];

    /// <summary>Villages to choose from, per district, when the agencies lie in one regency; otherwise the code is typed.</summary>
    public IReadOnlyList<(Area District, IReadOnlyList<Area> Villages)> VillageChoices { get; private set; } = [];

    public VillageAssignmentDto? Assigned { get; private set; }

    [BindProperty]
    public IFormFile? PopulationFile { get; set; }

    public PopulationImportResult? PopulationImported { get; private set; }

    /// <summary>Why the population file was refused as a whole (no file, unreadable, columns missing), in the page's language.</summary>
    public IReadOnlyList<string> PopulationProblems { get; private set; } = [];

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!MayAssign)
        {
            return Forbid();
        }

        var result = await assign.HandleAsync(new AssignVillageRequest(AgencyId, VillageCode, ValidFrom, ValidTo), AccessScope.From(User), ct);
        if (result.Succeeded)
        {
            Assigned = result.Value;
        }
        else
        {
            ModelState.AddUseCaseErrors(result.Errors, field => field ?? string.Empty);
        }

        await LoadAsync(ct);
        return Page();
    }

    /// <summary>Imports many villages' working-age population from one file; all or nothing, refusals listed by row.</summary>
    public async Task<IActionResult> OnPostPopulationAsync(CancellationToken ct)
    {
        if (!MayAssign)
        {
            return Forbid();
        }

        var english = Languages.IsEnglish(CultureInfo.CurrentUICulture);
        var (upload, error) = await ImportUploads.SaveAsync(PopulationFile, host.DataDirectory, importOptions.Value.MaxUploadBytes, ct);

        if (error is not null)
        {
            PopulationProblems = [error.Message(english)];
            await LoadAsync(ct);
            return Page();
        }

        var path = ImportFiles.Full(host.DataDirectory, upload!.StoredPath);
        try
        {
            var result = await importPopulation.HandleAsync(path, AccessScope.From(User), ct);
            if (result.Succeeded)
            {
                PopulationImported = result.Value;
            }
            else
            {
                PopulationProblems = [.. result.Errors.Select(e => e.Message(english))];
            }
        }
        finally
        {
            ImportFiles.TryDelete(path);
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var scope = AccessScope.From(User);
        Ranking = await rank.HandleAsync(scope, ct);
        if (!MayAssign)
        {
            return;
        }

        var agencies = await db.AgenciesFor(scope).AsNoTracking().OrderBy(a => a.Name).Select(a => new { a.Id, a.Name, a.RegionCode }).ToListAsync(ct);
        Agencies = [.. agencies.Select(a => (a.Id, a.Name, a.RegionCode))];
        if (agencies.Select(a => a.RegionCode).Distinct().ToList() is [var regency])
        {
            var areas = AreaDirectory.Embedded;
            VillageChoices = [.. areas.Children(regency).Select(d => (d, areas.Children(d.Code)))];
        }
    }
}
