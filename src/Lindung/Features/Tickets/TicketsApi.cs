using Lindung.Application;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Feedback;
using Lindung.Features.Api;
using Lindung.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lindung.Features.Tickets;

/// <summary><c>/api/v1/tickets</c>: agencies' feedback to the branch, its threads, files, answer times and satisfaction.</summary>
internal static class TicketsApi
{
    public static IServiceCollection AddLindungTickets(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<TicketOptions>(configuration.GetSection(TicketOptions.Section));
        return services.AddScoped<OpenTicket>().AddScoped<ReplyToTicket>().AddScoped<CloseTicket>()
            .AddScoped<ListTickets>().AddScoped<LoadTicket>().AddScoped<ReadTicketAttachment>();
    }

    public static IEndpointRouteBuilder MapTicketsApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/tickets").WithTags("Tickets");
        group.MapGet("/", ListAsync).RequireAuthorization(Policies.Tickets).WithName("ListTickets")
            .WithSummary("Tickets the caller may see (the branch: its regions'; an operator: its agency's), waiting ones first; ?status=OPEN|ANSWERED|CLOSED&page=; with the summary: open, overdue, answered in time or late, mean satisfaction.");
        group.MapPost("/", OpenAsync).RequireAuthorization(Policies.TicketsWrite).WithName("OpenTicket")
            .WithSummary("An agency operator opens a ticket (multipart or form: category KRITIK|SARAN|MASUKAN|PENGADUAN, subject, text, files: PDF/PNG/JPEG, at most 3 of 5 MB); 201 with the ticket and its answer due day.");
        group.MapGet("/{id:guid}", GetAsync).RequireAuthorization(Policies.Tickets).WithName("GetTicket")
            .WithSummary("One ticket with its thread and the files of each message.");
        group.MapPost("/{id:guid}/replies", ReplyAsync).RequireAuthorization(Policies.TicketsWrite).WithName("ReplyToTicket")
            .WithSummary("A message in the thread (multipart or form: text, files; or JSON {text}): the branch's answers it, the agency's hands it back to the branch.");
        group.MapPost("/{id:guid}/close", CloseAsync).RequireAuthorization(Policies.TicketsWrite).WithName("CloseTicket")
            .WithSummary("{satisfaction: 1–5, note?}: the agency closes with its rating; the branch may close without one.");
        group.MapGet("/{id:guid}/attachments/{attachmentId:guid}", DownloadAsync).RequireAuthorization(Policies.Tickets).WithName("GetTicketAttachment")
            .WithSummary("One file of the thread, as it was sent.");
        return api;
    }

    private static async Task<Results<Ok<TicketList>, ValidationProblem>> ListAsync(HttpContext http, ListTickets list, string? status, int? page, CancellationToken ct)
    {
        TicketStatus? only = null;
        if (status is not null)
        {
            if (!EnumCodes<TicketStatus>.TryParseName(status, out var parsed))
            {
                return ApiLanguage.Problem(http, [TicketErrors.StatusInvalid], "ticket");
            }

            only = parsed;
        }

        return TypedResults.Ok(await list.HandleAsync(AccessScope.From(http.User), only, page ?? 1, ct));
    }

    private static async Task<Results<Created<TicketDto>, NotFound, ValidationProblem>> OpenAsync(HttpContext http, OpenTicket open, CancellationToken ct)
    {
        var (body, files) = await ReadAsync(http.Request, ct);
        var result = await open.HandleAsync(new TicketInput(body.Category, body.Subject, body.Text, files), AccessScope.From(http.User), ct);
        return result.Succeeded
            ? TypedResults.Created($"{ApiSetup.Prefix}/tickets/{result.Value.Id}", TicketDto.From(result.Value))
            : ApiLanguage.Problem(http, result.Errors, "ticket");
    }

    private static async Task<Results<Ok<TicketThreadDto>, NotFound>> GetAsync(HttpContext http, LoadTicket load, Guid id, CancellationToken ct)
    {
        var result = await load.HandleAsync(id, AccessScope.From(http.User), ct);
        return result.Succeeded ? TypedResults.Ok(TicketThreadDto.From(result.Value)) : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<TicketDto>, NotFound, ValidationProblem>> ReplyAsync(HttpContext http, ReplyToTicket reply, Guid id, CancellationToken ct)
    {
        var (body, files) = await ReadAsync(http.Request, ct);
        return Answer(http, await reply.HandleAsync(id, body.Text, files, AccessScope.From(http.User), ct));
    }

    private static async Task<Results<Ok<TicketDto>, NotFound, ValidationProblem>> CloseAsync(HttpContext http, CloseTicket close, Guid id, CloseBody body, CancellationToken ct) =>
        Answer(http, await close.HandleAsync(id, body.Satisfaction, body.Note, AccessScope.From(http.User), ct));

    private static async Task<Results<FileContentHttpResult, NotFound>> DownloadAsync(
        HttpContext http, ReadTicketAttachment read, Guid id, Guid attachmentId, CancellationToken ct)
    {
        var result = await read.HandleAsync(id, attachmentId, AccessScope.From(http.User), ct);
        return result.Succeeded
            ? TypedResults.File(result.Value.Content, AttachmentRules.ContentType(result.Value.Kind), result.Value.FileName)
            : TypedResults.NotFound();
    }

    /// <summary>A message as a form (with files) or as JSON (text only).</summary>
    private static async Task<(TicketBody Body, IReadOnlyList<AttachmentUpload> Files)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            return (new TicketBody(form["category"], form["subject"], form["text"]), TicketPost.Uploads(form));
        }

        return (await request.ReadFromJsonAsync<TicketBody>(ct) ?? new TicketBody(null, null, null), []);
    }

    private static Results<Ok<TicketDto>, NotFound, ValidationProblem> Answer(HttpContext http, UseCaseResult<Ticket> result) =>
        result.Succeeded ? TypedResults.Ok(TicketDto.From(result.Value))
        : result.Errors[0].Code == TicketErrors.NotFound.Code ? TypedResults.NotFound()
        : ApiLanguage.Problem(http, result.Errors, "ticket");
}

internal sealed record TicketBody(string? Category, string? Subject, string? Text);

internal sealed record CloseBody(int? Satisfaction, string? Note);

internal sealed record TicketDto(
    Guid Id, string Number, Guid AgencyId, TicketCategory Category, string Subject, TicketStatus Status, DateOnly OpenedOn, string OpenedBy,
    DateOnly AnswerDueOn, DateOnly? FirstAnsweredOn, DateOnly? ClosedOn, int? Satisfaction, string? SatisfactionNote, string RegionCode)
{
    public static TicketDto From(Ticket t) => new(
        t.Id, t.Number, t.AgencyId, t.Category, t.Subject, t.Status, t.OpenedOn, t.OpenedBy, t.AnswerDueOn, t.FirstAnsweredOn, t.ClosedOn,
        t.Satisfaction, t.SatisfactionNote, t.RegionCode);
}

internal sealed record TicketThreadDto(TicketDto Ticket, string AgencyName, bool Overdue, IReadOnlyList<TicketEntry> Messages)
{
    public static TicketThreadDto From(TicketThread thread) => new(TicketDto.From(thread.Ticket), thread.AgencyName, thread.Overdue, thread.Messages);
}
