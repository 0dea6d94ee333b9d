using Lindung.Domain.Feedback;
using Lindung.Features.Shared;
using Lindung.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lindung.Features.Tickets;

/// <summary>
/// <c>/tickets</c>: the agency writes to its branch (kritik, saran, masukan, pengaduan) and follows its
/// tickets; the branch sees every ticket of its working area, those waiting for its answer first, with
/// the answer time kept and the agencies' satisfaction.
/// </summary>
[Authorize(Policy = Policies.Tickets)]
internal sealed class IndexModel(ListTickets list, OpenTicket open) : PageModel
{
    public TicketList List { get; private set; } = null!;

    public bool MayOpen { get; private set; }

    [FromQuery(Name = "status")]
    public TicketStatus? Status { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    [BindProperty]
    public TicketForm Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = AccessScope.From(User);
        var result = await open.HandleAsync(new TicketInput(Input.Category, Input.Subject, Input.Text, TicketPost.Uploads(Request.Form)), scope, ct);
        if (result.Succeeded)
        {
            return Redirect($"/tickets/{result.Value.Id}?done=opened");
        }

        ModelState.AddUseCaseErrors(result.Errors, field => field ?? string.Empty);
        await LoadAsync(ct);
        return Page();
    }

    public static string Link(TicketStatus? status, int page) =>
        $"/tickets?page={page}" + (status is { } s ? $"&status={s}" : string.Empty);

    private async Task LoadAsync(CancellationToken ct)
    {
        var scope = AccessScope.From(User);
        MayOpen = scope.OperatesAgency;
        List = await list.HandleAsync(scope, Status, PageNumber, ct);
    }
}

internal sealed class TicketForm
{
    public string? Category { get; set; } = nameof(TicketCategory.Pengaduan);

    public string? Subject { get; set; }

    public string? Text { get; set; }
}
