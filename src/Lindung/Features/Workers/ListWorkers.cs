using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Validation;
using Lindung.Features.Api;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lindung.Features.Workers;

/// <summary>
/// A list request, already read and checked: <c>q</c> (a full NIK or part of a name), a page by
/// number or by cursor (never both), and whether to count.
/// </summary>
internal sealed record WorkerListRequest(string? Q, Paging Paging, WorkerCursor? Cursor, bool Count);

/// <summary>
/// The workers a caller may see, a page at a time in (name, id) order: what <c>GET /api/v1/workers</c>
/// answers. A page read once is kept while the database is unchanged (<see cref="DatabaseVersion"/>)
/// for every caller of the same scope, so clients paging through a large region, or several officers
/// of one branch, cost one query per page until the next commit. What a role may see of each worker
/// is applied on every answer, after the cache.
/// </summary>
internal sealed class ListWorkers(LindungDbContext db, DatabaseVersion version, WorkerPageCache cache)
{
    public async Task<WorkerPage> HandleAsync(WorkerListRequest request, AccessScope scope, CancellationToken ct)
    {
        var read = cache.Pages is { } pages ? await CachedReadAsync(pages, request, scope, ct) : await ReadAsync(request, scope, ct);

        var paging = request.Paging;
        var view = PersonalDataPolicy.For(scope);
        var next = read.Rows.Count > paging.PageSize ? WorkerCursor.Write(read.Rows[paging.PageSize - 1]) : null;
        return new WorkerPage(
            [.. read.Rows.Take(paging.PageSize).Select(w => WorkerSummaryDto.From(w, view))],
            request.Cursor is null ? paging.Page : null, paging.PageSize, read.Total, next);
    }

    private async Task<WorkerRows> CachedReadAsync(
        VersionedCache<WorkerPageKey, WorkerRows> pages, WorkerListRequest request, AccessScope scope, CancellationToken ct)
    {
        var at = await version.ReadAsync(ct);
        var key = new WorkerPageKey(ScopedQueries.WorkersScopeKey(scope), request.Q?.Trim(), request.Paging, request.Cursor, request.Count);
        if (!pages.TryGet(at, key, out var read))
        {
            read = await ReadAsync(request, scope, ct);
            pages.Add(at, key, read, read.Rows.Count + 1);
        }

        return read;
    }

    private async Task<WorkerRows> ReadAsync(WorkerListRequest request, AccessScope scope, CancellationToken ct)
    {
        var rows = db.WorkersFor(scope).AsNoTracking();
        if (!string.IsNullOrWhiteSpace(request.Q))
        {
            var term = request.Q.Trim();
            // A NIK is looked up whole: a prefix search would enumerate a district's residents.
            var lower = term.ToLowerInvariant();
            // EF translates ToLower() to SQL lower() on both providers; the culture analyzers are about .NET strings.
#pragma warning disable CA1304, CA1311, CA1862
            rows = term.All(char.IsAsciiDigit)
                ? rows.Where(w => w.Nik == term)
                : rows.Where(w => w.Name.ToLower().Contains(lower));
#pragma warning restore CA1304, CA1311, CA1862
        }

        // Counting a region of 200,000 workers costs more than the page: only when asked for.
        int? total = request.Count ? await rows.CountAsync(ct) : null;
        // EF translates string.Compare and CompareTo to SQL comparisons, made in the column's own
        // collation, the same one ORDER BY uses; an ordinal .NET comparison would not be translated.
        // "name >= cursor AND (name > cursor OR id > cursor)" rather than "name > … OR (name = … AND
        // id > …)": the leading range lets both databases seek into the (name, id) index instead of
        // reading it from the start, so a page near the end costs what the first one does.
#pragma warning disable CA1309
        var ordered = request.Cursor is { } c
            ? rows.Where(w => string.Compare(w.Name, c.Name) >= 0 && (string.Compare(w.Name, c.Name) > 0 || w.Id.CompareTo(c.Id) > 0))
            : rows;
#pragma warning restore CA1309
        // Keyset on the (name, id) index: a page deep in the list costs what the first one does.
        var query = ordered.OrderBy(w => w.Name).ThenBy(w => w.Id).AsQueryable();
        if (request.Cursor is null && request.Paging.Page > 1)
        {
            query = query.Skip((request.Paging.Page - 1) * request.Paging.PageSize);
        }

        var items = await query.Take(request.Paging.PageSize + 1)
            .Select(w => new WorkerListRow(w.Id, w.Nik, w.Name, w.RegionCode, w.Scheme)).ToListAsync(ct);
        return new WorkerRows(items, total);
    }
}

/// <summary>One page as read, before any role's view: one row past the page tells whether another follows.</summary>
internal sealed record WorkerRows(IReadOnlyList<WorkerListRow> Rows, int? Total);

/// <summary>Everything a page's rows depend on: the scope's key (<see cref="ScopedQueries.WorkersScopeKey"/>) and the request.</summary>
internal readonly record struct WorkerPageKey(string Scope, string? Q, Paging Paging, WorkerCursor? Cursor, bool Count);

/// <summary>
/// Pages of the worker list kept for the current database version, up to
/// <see cref="WorkerListOptions.ListCacheRows"/> rows in all (100,000 by default, some 20 MB); once
/// full, a new generation starts. Null when the setting is 0: every page is read from the database.
/// </summary>
internal sealed class WorkerPageCache(IOptions<WorkerListOptions> options, DatabaseVersion version)
{
    public VersionedCache<WorkerPageKey, WorkerRows>? Pages { get; } =
        options.Value.ListCacheRows > 0 ? new(options.Value.ListCacheRows, version.IsSameData) : null;
}

/// <summary>The <c>Workers</c> settings section.</summary>
internal sealed class WorkerListOptions
{
    public const string Section = "Workers";

    /// <summary>Rows of worker-list pages kept between commits; 0 turns the cache off.</summary>
    public int ListCacheRows { get; set; } = 100_000;
}

/// <summary>
/// The columns a list reads, all of them in the workers' list index, so a page is read from the
/// index alone (no row lookups, no entity built per row).
/// </summary>
internal sealed record WorkerListRow(Guid Id, string Nik, string Name, string RegionCode, SocialSecurityScheme Scheme);

/// <summary>
/// A page of workers: <c>next</c> is the cursor for the following page (pass it as <c>after</c>),
/// null on the last; <c>total</c> only when <c>count=true</c>; <c>page</c> only when paging by number.
/// </summary>
internal sealed record WorkerPage(IReadOnlyList<WorkerSummaryDto> Items, int? Page, int PageSize, int? Total, string? Next);

/// <summary>The opaque <c>after</c> cursor: the (name, id) of the last worker of a page, base64url.</summary>
internal readonly record struct WorkerCursor(string Name, Guid Id)
{
    public static readonly ValidationError Invalid = new("after_invalid", "Penanda halaman (after) tidak valid.", "The page cursor (after) is not valid.");
    public static readonly ValidationError PageWithAfter = new(
        "page_with_after", "Gunakan page atau after, tidak keduanya.", "Use page or after, not both.");

    public static string Write(WorkerListRow last) =>
        Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(last.Id.ToString("N") + last.Name));

    public static WorkerCursor? Read(string? after, Dictionary<string, ValidationError> errors)
    {
        if (after is null)
        {
            return null;
        }

        try
        {
            var text = System.Text.Encoding.UTF8.GetString(Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlDecode(after));
            if (text.Length >= 32 && Guid.TryParseExact(text[..32], "N", out var id))
            {
                return new WorkerCursor(text[32..], id);
            }
        }
        catch (FormatException)
        {
        }

        errors["after"] = Invalid;
        return null;
    }
}

