using Lindung.Data;
using Lindung.Features.Shared;
using Lindung.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Workers;

[Authorize(Policy = Policies.Registry)]
internal sealed class IndexModel(LindungDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    // From the query only: Razor Pages keep the page's own path in the route value "page", which
    // a plain binding would read before the query string, so ?page=N was ignored.
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<WorkerRow> Rows { get; private set; } = [];

    public Paging? Paging { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Q))
        {
            return;
        }

        var scope = AccessScope.From(User);
        var today = clock.Today();
        var found = WorkerSearch.Apply(db.WorkersFor(scope), Q, today);
        Paging = new Paging(Paging.Clamp(PageNumber), Paging.DefaultSize, await found.CountAsync(ct));
        var rows = await found.OrderBy(w => w.Name).ThenBy(w => w.Id)
            .Skip(Paging.Skip).Take(Paging.PageSize)
            .Select(w => new { w.Id, w.Name, w.Nik })
            .ToListAsync(ct);
        var states = await MembershipStates.ForAsync(db.MembershipsFor(scope), [.. rows.Select(r => r.Id)], today, ct);
        // A list masks the NIK, so it shows no birth date: beside the mask it would rebuild the NIK.
        var view = PersonalDataPolicy.For(scope).InList;
        Rows = [.. rows.Select(r => new WorkerRow(r.Id, view.ShowName(r.Name), view.ShowNik(r.Nik), states[r.Id]))];
    }
}

/// <summary>A worker in the search list as <see cref="PersonalDataPolicy"/> lets the viewer see it (no birth date: the NIK is masked).</summary>
internal sealed record WorkerRow(Guid Id, string? Name, string? MaskedNik, MembershipState State);
