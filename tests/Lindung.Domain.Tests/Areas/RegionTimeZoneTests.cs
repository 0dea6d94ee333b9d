using Lindung.Domain.Areas;

namespace Lindung.Domain.Tests.Areas;

public class RegionTimeZoneTests
{
    [Theory]
    [InlineData("35.77", "WIB")]
    [InlineData("3577011001", "WIB")]
    [InlineData("61.71", "WIB")]
    [InlineData("51.71", "WITA")]
    [InlineData("73.71", "WITA")]
    [InlineData("64", "WITA")]
    [InlineData("81.71", "WIT")]
    [InlineData("94.01", "WIT")]
    public void A_region_is_in_its_provinces_zone(string code, string abbreviation) =>
        Assert.Equal(abbreviation, RegionTimeZone.For(code)?.Abbreviation);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("9")]
    [InlineData("99.01")]
    public void An_unknown_province_has_no_zone(string? code) => Assert.Null(RegionTimeZone.For(code));

    [Fact]
    public void Regions_sharing_a_zone_use_it_and_mixed_or_unknown_ones_fall_back_to_WIB()
    {
        Assert.Equal(RegionTimeZone.Wita, RegionTimeZone.Shared(["51.71", "73"]));
        Assert.Equal(RegionTimeZone.Wib, RegionTimeZone.Shared(["51.71", "35.77"]));
        Assert.Equal(RegionTimeZone.Wib, RegionTimeZone.Shared([]));
        Assert.Equal(RegionTimeZone.Wib, RegionTimeZone.Shared(["99"]));
    }

    [Fact]
    public void A_utc_moment_reads_as_the_zones_wall_clock_across_midnight()
    {
        var utc = new DateTime(2026, 12, 31, 16, 30, 0, DateTimeKind.Utc);

        Assert.Equal(new DateTime(2026, 12, 31, 23, 30, 0), RegionTimeZone.Wib.FromUtc(utc));
        Assert.Equal(new DateTime(2027, 1, 1, 0, 30, 0), RegionTimeZone.Wita.FromUtc(utc));
        Assert.Equal(new DateTime(2027, 1, 1, 1, 30, 0), RegionTimeZone.Wit.FromUtc(utc));
    }
}
