using Lindung.Application;
using Lindung.Features.Shared;
using Lindung.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lindung.Features.Tickets;

/// <summary><c>/tickets/{id}</c>: the thread with its files; the branch answers, the agency writes again or closes with its rating.</summary>
[Authorize(Policy = Policies.Tickets)]
internal sealed class DetailsModel(LoadTicket load, ReplyToTicket reply, CloseTicket close) : PageModel
{
    public TicketThread Thread { get; private set; } = null!;

    public string? Done { get; private set; }

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public int? Satisfaction { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? done, CancellationToken ct)
    {
        Done = done;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostReplyAsync(Guid id, CancellationToken ct) =>
        await AfterAsync(id, (await reply.HandleAsync(id, Text, TicketPost.Uploads(Request.Form), AccessScope.From(User), ct)).Errors, "replied", ct);

    public async Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct) =>
        await AfterAsync(id, (await close.HandleAsync(id, Satisfaction, Note, AccessScope.From(User), ct)).Errors, "closed", ct);

    private async Task<IActionResult> AfterAsync(Guid id, IReadOnlyList<UseCaseError> errors, string done, CancellationToken ct)
    {
        if (errors.Count == 0)
        {
            return Redirect($"/tickets/{id}?done={done}");
        }

        if (errors[0].Code == TicketErrors.NotFound.Code)
        {
            return NotFound();
        }

        ModelState.AddUseCaseErrors(errors, field => field ?? string.Empty);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var result = await load.HandleAsync(id, AccessScope.From(User), ct);
        if (!result.Succeeded)
        {
            return false;
        }

        Thread = result.Value;
        return true;
    }
}
