using Lindung.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lindung.Features.Actions;

/// <summary>What to do next, ranked by workers protected per rupiah, each with a link to the page that does it.</summary>
[Authorize(Policy = Policies.Dashboards)]
internal sealed class IndexModel(RankActions rank) : PageModel
{
    public IReadOnlyList<RankedAction> Actions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Actions = await rank.HandleAsync(AccessScope.From(User), ct);
}
