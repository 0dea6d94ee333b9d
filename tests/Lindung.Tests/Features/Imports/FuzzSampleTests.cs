using Lindung.Fuzz;
using Xunit.Abstractions;

// The test namespace mirrors src/Lindung/Features/Imports; "Imports" is only a keyword in VB.
#pragma warning disable CA1716
namespace Lindung.Tests.Features.Imports;
#pragma warning restore CA1716

/// <summary>
/// The CI sample of the fuzz command (<c>bench/Lindung.Fuzz</c>): seeded malformed CSV and XLSX
/// files through the command line and the upload API on SQLite. Any crash, 5xx or partial write
/// fails the suite. The row limit is lowered to <see cref="SampleMaxRows"/> so a too-many-rows file
/// costs a second, not two million rows per door; every other limit keeps its default.
/// </summary>
public sealed class FuzzSampleTests(ITestOutputHelper output)
{
    public const int SampleFiles = 500;

    public const int SampleSeed = 20261205;

    public const int SampleMaxRows = 1_000;

    [Fact]
    public void A_file_is_the_same_from_its_seed_and_index_in_every_process()
    {
        // Pinned: a generator seeded through HashCode.Combine (randomised per process) fails this.
        Assert.Equal(
            ["xlsx-invalid-char-ref", "csv-huge-cell", "xlsx-huge-shared-string", "csv-many-columns", "xlsx-zzz-row-2m", "csv-many-rows"],
            Enumerable.Range(0, 6).Select(i => MalformedFiles.MutationOf(SampleSeed, i)));
        var first = MalformedFiles.Make(SampleSeed, 0, SampleMaxRows);
        Assert.Equal("xlsx-invalid-char-ref", first.Mutation);
        Assert.Equal(first.Content, MalformedFiles.Make(SampleSeed, 0, SampleMaxRows).Content);
        Assert.Equal("fuzz-20261205-0-xlsx-invalid-char-ref.xlsx", first.FileName);
    }

    [Fact]
    public async Task A_seeded_sample_of_malformed_files_causes_no_crash_no_500_and_no_partial_write()
    {
        using var log = new StringWriter();
        var report = await FuzzRunner.RunAsync(new FuzzOptions(SampleFiles, SampleSeed, MaxRows: SampleMaxRows), log);
        output.WriteLine(report.ToString());
        foreach (var (code, count) in report.Codes)
        {
            output.WriteLine($"{count,6}  {code}");
        }

        Assert.True(report.Crashes + report.ServerErrors + report.PartialWrites == 0, report + "\n" + string.Join('\n', report.Failures.Take(20)));
        Assert.Equal(SampleFiles * 2, report.Runs);

        // The sample reaches both outcomes: files that import and files refused by name.
        Assert.True(report.Imported > 0 && report.Refused > 0, report.ToString());
    }
}
