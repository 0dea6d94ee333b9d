using Lindung.Domain.Validation;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Api;

/// <summary>The list envelope: <c>{ items, page, page_size, total }</c>.</summary>
internal sealed record PageOf<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

/// <summary><c>page</c> (from 1) and <c>pageSize</c> (1–200, default 50) of a list request.</summary>
internal readonly record struct Paging(int Page, int PageSize)
{
    public const int DefaultSize = 50;
    public const int MaxSize = 200;

    public static readonly ValidationError PageInvalid = new("page_invalid", "Halaman dimulai dari 1.", "Pages start at 1.");
    public static readonly ValidationError PageSizeInvalid = new(
        "page_size_invalid", $"Ukuran halaman 1 sampai {MaxSize}.", $"Page size must be 1 to {MaxSize}.");

    public static Paging Read(int? page, int? pageSize, Dictionary<string, ValidationError> errors)
    {
        if (page is < 1)
        {
            errors["page"] = PageInvalid;
        }

        if (pageSize is < 1 or > MaxSize)
        {
            errors["pageSize"] = PageSizeInvalid;
        }

        return new Paging(page ?? 1, pageSize ?? DefaultSize);
    }

    /// <summary>One page of an ordered query, projected after paging so only that page is materialized.</summary>
    public async Task<PageOf<TOut>> ToPageAsync<TIn, TOut>(IOrderedQueryable<TIn> rows, Func<TIn, TOut> map, CancellationToken ct)
    {
        var total = await rows.CountAsync(ct);
        var items = await rows.Skip((Page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return new PageOf<TOut>(items.Select(map).ToList(), Page, PageSize, total);
    }
}
