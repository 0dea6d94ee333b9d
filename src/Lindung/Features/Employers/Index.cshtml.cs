using Lindung.Domain.Compliance;
using Lindung.Features.Shared;
using Lindung.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lindung.Features.Employers;

[Authorize(Policy = Policies.Employers)]
internal sealed class IndexModel(ListEmployers list) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    /// <summary><c>PATUH</c>, <c>TIDAK_PATUH</c> or <c>TIDAK_TERDAFTAR</c>; anything else lists every status.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    // From the query only: Razor Pages keep the page's own path in the route value "page", which
    // a plain binding would read before the query string, so ?page=N was ignored.
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public EmployerList List { get; private set; } = new([], new Paging(1, Paging.DefaultSize, 0), new Dictionary<ComplianceStatus, int>());

    public ComplianceStatus? Chosen { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Chosen = Enum.GetValues<ComplianceStatus>().Cast<ComplianceStatus?>().FirstOrDefault(s => Code(s!.Value) == Status);
        List = await list.HandleAsync(new EmployerListRequest(Q, Chosen, PageNumber), AccessScope.From(User), ct);
    }

    /// <summary>The status as the API and the rules spell it (PATUH, TIDAK_PATUH, TIDAK_TERDAFTAR).</summary>
    public static string Code(ComplianceStatus status) => System.Text.Json.JsonSerializer.Serialize(status).Trim('"');

    public static string Badge(ComplianceStatus status) => status switch
    {
        ComplianceStatus.Patuh => "ok",
        ComplianceStatus.TidakPatuh => "warn",
        _ => "danger",
    };

    /// <summary>This list's address with the search kept and <paramref name="status"/> (null: every status) and <paramref name="page"/>.</summary>
    public string Link(ComplianceStatus? status, int page)
    {
        var query = new List<string>();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            query.Add("q=" + Uri.EscapeDataString(Q));
        }

        if (status is { } s)
        {
            query.Add("status=" + Code(s));
        }

        if (page > 1)
        {
            query.Add("page=" + page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return query.Count == 0 ? "/employers" : "/employers?" + string.Join('&', query);
    }
}
