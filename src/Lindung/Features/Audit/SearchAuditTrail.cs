using System.Globalization;
using System.Text;
using Lindung.Application;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Security;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Audit;

/// <summary>
/// What to look for in the audit trail, as the page, the API and the export receive it. Every
/// criterion is optional. <paramref name="Entity"/> is the entity type (<c>Worker</c>),
/// <paramref name="EntityKey"/> one row's key, <paramref name="User"/> the actor exactly as recorded
/// (an email, <c>apikey:&lt;prefix&gt;</c> or <c>system</c>), <paramref name="Action"/> a code such as
/// <c>UPDATE</c>; <paramref name="From"/> and <paramref name="To"/> are whole days in UTC, both included.
/// </summary>
internal sealed record AuditTrailFilter(
    string? Entity = null, string? EntityKey = null, string? User = null, string? Action = null, DateOnly? From = null, DateOnly? To = null);

/// <summary>A filter once checked: the action parsed, the days turned into a half-open UTC interval.</summary>
internal sealed record AuditTrailCriteria(string? Entity, string? EntityKey, string? User, AuditAction? Action, DateTime? FromUtc, DateTime? ToUtcExclusive);

/// <summary>
/// One audit event as its reader may see it: before/after with what the reader's view withholds
/// replaced (<see cref="AuditJson"/>), and the columns that changed, read from the stored rows.
/// </summary>
internal sealed record AuditEventView(
    long Id, DateTime At, string Actor, AuditAction Action, string EntityType, string EntityKey, string RegionCode,
    string? Before, string? After, IReadOnlyList<string> Changed)
{
    public static AuditEventView From(AuditEvent e, PersonalDataView view) => new(
        e.Id, e.At, e.Actor, e.Action, e.EntityType, e.EntityKey, e.RegionCode,
        AuditJson.Redact(e.Before, e.EntityType, view), AuditJson.Redact(e.After, e.EntityType, view), AuditJson.ChangedColumns(e.Before, e.After));
}

/// <summary>A page of the trail, newest first; <see cref="Next"/> is the cursor of the following page, null on the last.</summary>
internal sealed record AuditTrailPage(IReadOnlyList<AuditEventView> Items, int PageSize, string? Next);

/// <summary>
/// Reads the audit trail for the Auditor and the RegionalAdmin: the events of the caller's regions
/// (<see cref="ScopedQueries.AuditEventsFor"/>; all of them only with the whole-installation scope,
/// none without a region), filtered, newest first, keyset-paged on (time, id), so a page deep in a
/// trail of millions costs what the first one does (the (region_code, at) and (actor, at) indexes).
/// </summary>
internal sealed class SearchAuditTrail(LindungDbContext db)
{
    public const int MaxDays = 366;
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public async Task<UseCaseResult<AuditTrailPage>> HandleAsync(
        AuditTrailFilter filter, string? after, int? pageSize, AccessScope scope, CancellationToken ct)
    {
        var errors = new List<UseCaseError>();
        var criteria = Check(filter, errors);
        var cursor = after is null ? null : ReadCursor(after);
        if (after is not null && cursor is null)
        {
            errors.Add(AuditErrors.CursorInvalid);
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            errors.Add(AuditErrors.PageSizeInvalid);
        }

        if (errors.Count > 0)
        {
            return UseCaseResult<AuditTrailPage>.Refused([.. errors]);
        }

        var size = pageSize ?? DefaultPageSize;
        var rows = Query(db, criteria!, scope);
        if (cursor is { } c)
        {
            // "at <= c.at AND (at < c.at OR id < c.id)": the leading range lets the index seek.
            rows = rows.Where(e => e.At <= c.At && (e.At < c.At || e.Id < c.Id));
        }

        var items = await Newest(rows).Take(size + 1).ToListAsync(ct);
        var view = PersonalDataPolicy.ForAuditTrail(scope, export: false);
        var next = items.Count > size ? WriteCursor(items[size - 1]) : null;
        return UseCaseResult<AuditTrailPage>.Ok(new AuditTrailPage([.. items.Take(size).Select(e => AuditEventView.From(e, view))], size, next));
    }

    /// <summary>The filter checked and parsed; null (with the reasons added) when it cannot be used.</summary>
    public static AuditTrailCriteria? Check(AuditTrailFilter filter, List<UseCaseError> errors)
    {
        AuditAction? action = null;
        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            var code = filter.Action.Trim();
            action = Enum.GetValues<AuditAction>().Where(a => string.Equals(EnumCodes<AuditAction>.ToCode(a), code, StringComparison.OrdinalIgnoreCase))
                .Select(a => (AuditAction?)a).FirstOrDefault();
            if (action is null)
            {
                errors.Add(AuditErrors.ActionUnknown);
            }
        }

        if (filter is { From: { } from, To: { } to })
        {
            if (from > to)
            {
                errors.Add(AuditErrors.RangeReversed);
            }
            else if (to.DayNumber - from.DayNumber + 1 > MaxDays)
            {
                errors.Add(AuditErrors.RangeTooLong);
            }
        }

        return errors.Count > 0 ? null : new AuditTrailCriteria(
            Blank(filter.Entity), Blank(filter.EntityKey), Blank(filter.User), action,
            filter.From?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            filter.To?.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
    }

    /// <summary>The caller's events that meet the criteria, unordered.</summary>
    public static IQueryable<AuditEvent> Query(LindungDbContext db, AuditTrailCriteria criteria, AccessScope scope)
    {
        var rows = db.AuditEventsFor(scope).AsNoTracking();
        if (criteria.Entity is { } entity)
        {
            rows = rows.Where(e => e.EntityType == entity);
        }

        if (criteria.EntityKey is { } key)
        {
            rows = rows.Where(e => e.EntityKey == key);
        }

        if (criteria.User is { } user)
        {
            rows = rows.Where(e => e.Actor == user);
        }

        if (criteria.Action is { } action)
        {
            rows = rows.Where(e => e.Action == action);
        }

        if (criteria.FromUtc is { } from)
        {
            rows = rows.Where(e => e.At >= from);
        }

        if (criteria.ToUtcExclusive is { } to)
        {
            rows = rows.Where(e => e.At < to);
        }

        return rows;
    }

    /// <summary>Newest first; the id breaks ties between events saved in the same instant.</summary>
    public static IOrderedQueryable<AuditEvent> Newest(IQueryable<AuditEvent> rows) =>
        rows.OrderByDescending(e => e.At).ThenByDescending(e => e.Id);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>The opaque cursor: the (time, id) of a page's last event, base64url.</summary>
    private static string WriteCursor(AuditEvent last) =>
        WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(
            string.Create(CultureInfo.InvariantCulture, $"{last.At.Ticks}.{last.Id}")));

    private static (DateTime At, long Id)? ReadCursor(string after)
    {
        try
        {
            var parts = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(after)).Split('.');
            if (parts.Length == 2
                && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                && ticks <= DateTime.MaxValue.Ticks
                && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                return (new DateTime(ticks, DateTimeKind.Utc), id);
            }
        }
        catch (FormatException)
        {
        }

        return null;
    }
}
