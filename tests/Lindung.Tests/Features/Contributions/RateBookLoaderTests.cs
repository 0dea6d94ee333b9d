using Lindung.Domain.Contributions;
using Lindung.Features.Contributions;
using Lindung.Tests.Infrastructure;

namespace Lindung.Tests.Features.Contributions;

/// <summary>The rate book is parsed once per change of its files, not on every request, and a rewritten overlay counts at once.</summary>
public sealed class RateBookLoaderTests
{
    private const string Overlay = """
        { "format": 1, "version": "admin-{0}", "parameters": [
          { "id": "pu.jp.wage_cap", "valid_from": "2027-03", "valid_to": "2028-02", "unit": "rupiah",
            "value": {0}, "legal_basis": "BPJS TK letter (test)", "status": "SINGLE" } ] }
        """;

    [Fact]
    public void Unchanged_files_give_the_same_book_and_a_rewritten_overlay_a_new_one()
    {
        using var data = new TempDirectory();
        var first = RateBookLoader.Load(data.Path);
        Assert.Same(first, RateBookLoader.Load(data.Path));

        var folder = Directory.CreateDirectory(Path.Combine(data.Path, RateBookLoader.OverlayFolder)).FullName;
        var file = Path.Combine(folder, "2027.json");
        File.WriteAllText(file, Overlay.Replace("{0}", "11650000", StringComparison.Ordinal));
        var added = RateBookLoader.Load(data.Path);
        Assert.NotSame(first, added);
        Assert.Equal(11_650_000m, added.Find(RateParameters.PuJpWageCap, new ContributionMonth(2027, 3))!.Value);
        Assert.Same(added, RateBookLoader.Load(data.Path));

        File.WriteAllText(file, Overlay.Replace("{0}", "11700000", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddMinutes(1));
        Assert.Equal(11_700_000m, RateBookLoader.Load(data.Path).Find(RateParameters.PuJpWageCap, new ContributionMonth(2027, 3))!.Value);
    }
}
