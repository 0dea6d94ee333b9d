using System.Globalization;

namespace Lindung.Features.Shared;

/// <summary>Previous/next links for a paged list; <see cref="Link"/> keeps whatever else the list's address holds.</summary>
internal sealed record PagerModel(Paging Paging, Func<int, string> Link)
{
    /// <summary>A search result's pager: the query stays in every link.</summary>
    public PagerModel(Paging paging, string path, string? query)
        : this(paging, page => string.Create(CultureInfo.InvariantCulture, $"{path}?q={Uri.EscapeDataString(query ?? string.Empty)}&page={page}"))
    {
    }
}
