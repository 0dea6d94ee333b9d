using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Validation;
using Lindung.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Api;

/// <summary>
/// A page of one worker's versioned rows (employments, memberships), newest first. A worker the
/// caller may not see is 404, exactly as if it did not exist.
/// </summary>
internal static class WorkerHistory
{
    public static async Task<Results<Ok<PageOf<TDto>>, NotFound, ValidationProblem>> PageAsync<TRow, TDto>(
        HttpContext http,
        LindungDbContext db,
        Guid workerId,
        int? page,
        int? pageSize,
        Func<AccessScope, IQueryable<TRow>> visibleRows,
        System.Linq.Expressions.Expression<Func<TRow, bool>> ofWorker,
        System.Linq.Expressions.Expression<Func<TRow, Guid>> key,
        Func<TRow, TDto> map,
        CancellationToken ct)
        where TRow : class, IHistorical
    {
        var scope = AccessScope.From(http.User);
        var errors = new Dictionary<string, ValidationError>();
        var paging = Paging.Read(page, pageSize, errors);
        if (errors.Count > 0)
        {
            return ApiLanguage.Problem(http, errors);
        }

        if (!await db.WorkersFor(scope).AnyAsync(w => w.Id == workerId, ct))
        {
            return TypedResults.NotFound();
        }

        var rows = visibleRows(scope).Where(ofWorker).OrderByDescending(r => r.ValidFrom).ThenBy(key); // the key keeps pages stable
        return TypedResults.Ok(await paging.ToPageAsync(rows, map, ct));
    }
}
