using Lindung.Data;

namespace Lindung.Tests.Data;

public sealed class VersionedCacheTests
{
    [Fact]
    public void An_answer_is_found_only_under_the_version_it_was_read_at_and_a_new_version_retires_the_old_ones()
    {
        var cache = new VersionedCache<string, int>(maxWeight: 100);
        cache.Add("7", "page-1", 1, weight: 1);

        Assert.True(cache.TryGet("7", "page-1", out var found));
        Assert.Equal(1, found);
        Assert.False(cache.TryGet("8", "page-1", out _));

        cache.Add("8", "page-2", 2, weight: 1);
        Assert.False(cache.TryGet("7", "page-1", out _));
        Assert.True(cache.TryGet("8", "page-2", out _));
        Assert.False(cache.TryGet("8", "page-1", out _));
    }

    [Fact]
    public void A_cache_that_would_outgrow_its_bound_starts_again_with_the_newest_answer()
    {
        var cache = new VersionedCache<string, int>(maxWeight: 10);
        cache.Add("1", "a", 1, weight: 4);
        cache.Add("1", "b", 2, weight: 4);
        cache.Add("1", "c", 3, weight: 4);

        Assert.False(cache.TryGet("1", "a", out _));
        Assert.False(cache.TryGet("1", "b", out _));
        Assert.True(cache.TryGet("1", "c", out var c));
        Assert.Equal(3, c);

        cache.Add("1", "huge", 4, weight: 11);
        Assert.False(cache.TryGet("1", "huge", out _));
    }

    [Fact]
    public void Answers_stay_found_across_versions_that_hold_the_same_data_and_only_those()
    {
        // "7" -> "8" was an unversioned write (the audit); "8" -> "9" a registry commit.
        var cache = new VersionedCache<string, int>(maxWeight: 100, sameData: (earlier, later) => (earlier, later) is ("7", "8"));
        cache.Add("7", "page-1", 1, weight: 1);

        Assert.True(cache.TryGet("8", "page-1", out var found));
        Assert.Equal(1, found);
        Assert.True(cache.TryGet("7", "page-1", out _), "a reader of the older label of the same data missed");
        cache.Add("7", "page-2", 2, weight: 1);
        Assert.True(cache.TryGet("8", "page-2", out _));

        Assert.False(cache.TryGet("9", "page-1", out _));
        cache.Add("9", "page-3", 3, weight: 1);
        Assert.False(cache.TryGet("8", "page-1", out _));
        Assert.True(cache.TryGet("9", "page-3", out _));
    }
}
