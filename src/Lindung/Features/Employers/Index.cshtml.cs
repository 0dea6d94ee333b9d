using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Features.Shared;
using Lindung.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Employers;

[Authorize(Policy = Policies.Employers)]
internal sealed class IndexModel(LindungDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    // From the query only: Razor Pages keep the page's own path in the route value "page", which
    // a plain binding would read before the query string, so ?page=N was ignored.
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Employer> Rows { get; private set; } = [];

    public Paging Paging { get; private set; } = new(1, Paging.DefaultSize, 0);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var employers = db.EmployersFor(AccessScope.From(User)).AsNoTracking().Matching(Q);
        Paging = new Paging(Paging.Clamp(PageNumber), Paging.DefaultSize, await employers.CountAsync(ct));
        Rows = await employers.OrderBy(e => e.Name).ThenBy(e => e.Id).Skip(Paging.Skip).Take(Paging.PageSize).ToListAsync(ct);
    }
}
