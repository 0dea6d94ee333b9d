namespace Lindung.Features.Shared;

/// <summary>One page of a longer list; pages are numbered from 1.</summary>
internal sealed record Paging(int Page, int PageSize, int Total)
{
    public const int DefaultSize = 50;

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public int Skip => (Page - 1) * PageSize;

    public bool HasPrevious => Page > 1;

    public bool HasNext => Page < Pages;

    public static int Clamp(int page) => Math.Max(1, page);
}
