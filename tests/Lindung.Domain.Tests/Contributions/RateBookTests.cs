using Lindung.Domain.Contributions;
using static Lindung.Domain.Tests.Contributions.BuiltInRates;

namespace Lindung.Domain.Tests.Contributions;

public class RateBookTests
{
    [Fact]
    public void An_overlay_extends_a_closed_range_with_a_new_period()
    {
        var builtIn = Source("built-in", CapRow("2026-03", "2027-02", 11_086_300));
        var overlay = Source("overlay", CapRow("2027-03", "2028-02", 11_650_000));
        var book = new RateBook([builtIn, overlay]);

        Assert.Equal(11_086_300, book.Find(RateParameters.PuJpWageCap, Month("2027-02"))!.Value);
        Assert.Equal(11_650_000, book.Find(RateParameters.PuJpWageCap, Month("2027-03"))!.Value);
        Assert.Null(book.Find(RateParameters.PuJpWageCap, Month("2028-03")));
    }

    [Fact]
    public void The_latest_valid_from_in_force_wins_over_an_open_ended_row()
    {
        var builtIn = Source("built-in", CapRow("2020-01", null, 1_000));
        var overlay = Source("overlay", CapRow("2025-01", "2025-12", 2_000));
        var book = new RateBook([builtIn, overlay]);

        Assert.Equal(1_000, book.Find(RateParameters.PuJpWageCap, Month("2024-12"))!.Value);
        Assert.Equal(2_000, book.Find(RateParameters.PuJpWageCap, Month("2025-06"))!.Value);
        Assert.Equal(1_000, book.Find(RateParameters.PuJpWageCap, Month("2026-01"))!.Value); // overlay ended
    }

    [Fact]
    public void On_equal_valid_from_the_later_source_wins_so_an_overlay_can_correct_a_row()
    {
        var builtIn = Source("built-in", CapRow("2026-03", "2027-02", 11_086_300));
        var correction = Source("overlay", CapRow("2026-03", "2027-02", 11_000_000));

        Assert.Equal(11_000_000, new RateBook([builtIn, correction]).Find(RateParameters.PuJpWageCap, Month("2026-08"))!.Value);
        Assert.Equal(11_086_300, new RateBook([correction, builtIn]).Find(RateParameters.PuJpWageCap, Month("2026-08"))!.Value);
    }

    [Fact]
    public void The_built_in_file_carries_the_full_JP_cap_history_without_gaps()
    {
        var month = Month("2015-07");
        var caps = new List<decimal>();
        while (Book.Find(RateParameters.PuJpWageCap, month) is { } row)
        {
            if (caps.Count == 0 || caps[^1] != row.Value)
            {
                caps.Add(row.Value!.Value);
            }

            month = month.AddMonths(1);
        }

        Assert.Equal(Month("2027-03"), month);
        Assert.Equal(
            [7_000_000m, 7_335_300m, 7_703_500m, 8_094_000m, 8_512_400m, 8_939_700m, 8_754_600m, 9_077_600m, 9_559_600m, 10_042_300m, 10_547_400m, 11_086_300m],
            caps);
    }

    [Fact]
    public void Every_parameter_in_the_catalogue_has_built_in_data()
    {
        var missing = RateParameters.All.Keys.Where(id => Book.Sources.SelectMany(s => s.Entries).All(e => e.Id != id));
        Assert.Empty(missing);
    }

    [Fact]
    public void Rates_in_force_record_each_row_used_once()
    {
        var rates = Book.At(Month("2026-05"));
        rates.Percent(RateParameters.PuJkm);
        rates.Percent(RateParameters.PuJkm);
        Assert.Null(rates.OptionalPercent(RateParameters.PuJkpJkmRecomposition));

        var used = Assert.Single(rates.Used);
        Assert.Equal("pu.jkm", used.Parameter);
        Assert.Equal(SourceStatus.Confirmed, used.Status);
    }
}
