using System.Globalization;

namespace Lindung.Features.Shared;

/// <summary>Previous/next links that keep the search query.</summary>
internal sealed record PagerModel(Paging Paging, string Path, string? Query)
{
    public string Link(int page) =>
        string.Create(CultureInfo.InvariantCulture, $"{Path}?q={Uri.EscapeDataString(Query ?? string.Empty)}&page={page}");
}
