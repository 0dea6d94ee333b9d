using Lindung.Fuzz;

// The test namespace mirrors src/Lindung/Features/Imports; "Imports" is only a keyword in VB.
#pragma warning disable CA1716
namespace Lindung.Tests.Features.Imports;
#pragma warning restore CA1716

/// <summary>
/// The memory bound on a hostile upload (issue #16: a file of at most 10 MB is refused or imported
/// within 512 MB of process memory), measured as the fuzz command's <c>--memory</c> does: the file
/// goes through the upload API in a fresh process of its own (the real web app, with the server
/// garbage collector), which reports its peak resident memory. The three kinds are the ones built to
/// exhaust memory: a 64-million-character shared string, a CSV cell of 8 MB, a zip bomb of 1 GiB.
/// </summary>
public sealed class FuzzMemoryTests
{
    [Theory]
    [InlineData("xlsx-huge-shared-string")]
    [InlineData("csv-huge-cell")]
    [InlineData("xlsx-zip-bomb")]
    public async Task A_file_built_to_exhaust_memory_is_refused_by_name_within_512_MB(string mutation)
    {
        var index = Enumerable.Range(0, 10_000).First(i => MalformedFiles.MutationOf(FuzzSampleTests.SampleSeed, i) == mutation);
        var file = MalformedFiles.Make(FuzzSampleTests.SampleSeed, index);
        var folder = Directory.CreateTempSubdirectory("lindung-fuzz-memory-test-").FullName;
        try
        {
            var path = Path.Combine(folder, file.FileName);
            await File.WriteAllBytesAsync(path, file.Content);
            var assembly = Path.Combine(AppContext.BaseDirectory, "Lindung.Fuzz.dll");

            var result = await MemoryProbe.MeasureAsync(path, mutation, "api", maxRows: null, assembly);

            Assert.True(file.Content.Length <= 10 * 1024 * 1024, $"{mutation} is {file.Content.Length:N0} bytes");
            Assert.False(result.Failed, result.Code);
            Assert.StartsWith("api:", result.Code, StringComparison.Ordinal);
            Assert.DoesNotContain("imported", result.Code, StringComparison.Ordinal);
            Assert.InRange(result.PeakBytes, 1, MemoryProbe.LimitBytes);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
