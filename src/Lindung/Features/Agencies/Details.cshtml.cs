using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Areas;
using Lindung.Domain.Contributions;
using Lindung.Features.Procurement;
using Lindung.Features.Reconciliation;
using Lindung.Features.Shared;
using Lindung.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Agencies;

/// <summary>
/// <c>/agencies/{id}</c>: an agency's coverage, its staff per category, and its roster one page at a
/// time. Coverage comes from the month's snapshot (the agency list's figures, with their time); the
/// roster's counts are counted from an index of the agency's jobs, and only the page's workers are
/// read, so an agency of 150,000 workers costs little more than one of 50 (and no statement carries
/// a parameter per worker).
/// </summary>
[Authorize(Policy = Policies.Registry)]
internal sealed class DetailsModel(LindungDbContext db, TimeProvider clock, RateBook rates, ContractsAtRisk contractsAtRisk) : PageModel
{
    public Agency Agency { get; private set; } = null!;

    public string? RegionName { get; private set; }

    /// <summary>Roster lines (jobs in force today) per category, in the roster's category order.</summary>
    public IReadOnlyList<(WorkerCategory Category, int Lines)> Categories { get; private set; } = [];

    /// <summary>Roster lines in force today, all categories.</summary>
    public int RosterLines { get; private set; }

    /// <summary>The category the roster is filtered to, when one is chosen.</summary>
    [FromQuery(Name = "category")]
    public WorkerCategory? Category { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Paging Paging { get; private set; } = new(1, Paging.DefaultSize, 0);

    public IReadOnlyList<RosterRow> Rows { get; private set; } = [];

    /// <summary>Non-ASN workers covered, of <see cref="Total"/>, as of <see cref="TakenAt"/> (the snapshot).</summary>
    public int Covered { get; private set; }

    public int Total { get; private set; }

    public DateTime? TakenAt { get; private set; }

    /// <summary>The agency's latest reconciliation and whether its data changed since; null before the first.</summary>
    public RunFreshness? Freshness { get; private set; }

    /// <summary>
    /// The gap list's header (totals per gap, no lines) for those who may open it: the same run, the same
    /// counts, so the list this page links to never contradicts it. Null for other roles.
    /// </summary>
    public AgencyGapList? Gaps { get; private set; }

    /// <summary>The agency's contracts left unprotected today and their value at risk; null when it has no contracts.</summary>
    public AgencyContractRisk? ContractRisk { get; private set; }

    /// <summary>The villages the agency fosters today ("Satu OPD Satu Desa Dampingan").</summary>
    public IReadOnlyList<Lindung.Features.Villages.VillageAssignmentDto> Villages { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var scope = AccessScope.From(User);
        // Out of scope and unknown look the same, so an id never confirms that an agency exists.
        var agency = await db.AgenciesFor(scope).AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (agency is null)
        {
            return NotFound();
        }

        var today = clock.Today();
        var jobs = db.EmploymentsFor(scope).ValidOn(today).Where(e => e.AgencyId == id);
        (Total, Covered, TakenAt) = await AgencyCoverage.OfAgencyAsync(db, agency, today, ct);
        // One line per job, as the roster below lists them: read from ix_employments_agency_roster alone.
        // In the roster's order (the stored category code's), so the chips read like the table below.
        Categories = [.. (await jobs.GroupBy(e => e.Category).Select(g => new { g.Key, Lines = g.Count() }).ToListAsync(ct))
            .OrderBy(c => EnumCodes<WorkerCategory>.ToCode(c.Key), StringComparer.Ordinal)
            .Select(c => (c.Key, c.Lines))];
        RosterLines = Categories.Sum(c => c.Lines);

        var listed = Category is { } category ? jobs.Where(e => e.Category == category) : jobs;
        // A worker with a job in scope is in scope (WorkersFor says so), so the join needs no second scope
        // test per line. Ordered by category first, the index's own order: the database sorts by name
        // one category at a time and stops at the page. Position and wage are not in the index: they are
        // read for the page's 50 lines only, not for the 150,000 the sort passes over.
        var rows = listed.Join(db.Workers, e => e.WorkerId, w => w.Id, (e, w) => new { e.Category, w.Id, w.Nik, w.Name });
        Paging = new Paging(Paging.Clamp(PageNumber), Paging.DefaultSize, Category is { } chosen ? Categories.FirstOrDefault(c => c.Category == chosen).Lines : RosterLines);
        var page = await rows.OrderBy(r => r.Category).ThenBy(r => r.Name).ThenBy(r => r.Id)
            .Skip(Paging.Skip).Take(Paging.PageSize).ToListAsync(ct);
        var pageWorkers = page.Select(r => r.Id).Distinct().ToList();
        var details = (await listed.Where(e => pageWorkers.Contains(e.WorkerId)).OrderBy(e => e.Id)
                .Select(e => new { e.WorkerId, e.Category, e.Position, e.MonthlyWage }).ToListAsync(ct))
            .GroupBy(e => (e.WorkerId, e.Category))
            .ToDictionary(g => g.Key, g => new Queue<(string? Position, long Wage)>(g.Select(e => (e.Position, e.MonthlyWage))));
        var states = await MembershipStates.ForAsync(db.MembershipsFor(scope), [.. page.Select(r => r.Id)], today, ct);

        if (Policies.Allows(User, Policies.Reconciliation))
        {
            var pricing = GapPricing.ForAgencies(rates, today);
            Gaps = await AgencyGaps.LoadAsync(db, scope, id, pricing, PersonalDataView.Nothing, ct);
        }

        var risk = await contractsAtRisk.HandleAsync(scope, id, null, ct);
        ContractRisk = risk.Succeeded && risk.Value.Agencies is [var only, ..] ? only : null;
        var fostered = await db.VillageAssignments.AsNoTracking().ValidOn(today).Where(a => a.AgencyId == id).OrderBy(a => a.VillageCode).ToListAsync(ct);
        Villages = [.. fostered.Select(a => Lindung.Features.Villages.VillageAssignmentDto.From(a, agency.Name))];
        Freshness = Gaps is null ? await RunFreshness.OfAgencyAsync(db, agency, ct) : Gaps.Freshness;
        Agency = agency;
        RegionName = AreaDirectory.Embedded.Find(agency.RegionCode)?.Name;
        // A roster is a list: NIKs masked (and no birth dates beside them), the rest as the role may see it.
        var view = PersonalDataPolicy.For(scope).InList;
        Rows = [.. page.Select(r =>
        {
            // Two jobs of one worker in one category are two lines: each takes its own job's details.
            var (position, wage) = details.TryGetValue((r.Id, r.Category), out var jobsOfLine) && jobsOfLine.Count > 0 ? jobsOfLine.Dequeue() : (null, 0L);
            return new RosterRow(r.Id, view.ShowName(r.Name), view.ShowNik(r.Nik), r.Category, position, view.ShowWage(wage), states[r.Id]);
        })];
        return Page();
    }

    /// <summary>A link to another page or category of this roster.</summary>
    public string Link(int page, WorkerCategory? category) =>
        $"/agencies/{Agency.Id}?page={page}" + (category is { } c ? $"&category={c}" : string.Empty);
}

internal sealed record RosterRow(Guid WorkerId, string? Name, string? MaskedNik, WorkerCategory Category, string? Position, long? Wage, MembershipState State);
