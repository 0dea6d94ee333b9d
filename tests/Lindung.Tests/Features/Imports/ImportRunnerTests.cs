using Lindung.Data.Entities;
using Lindung.Features.Imports;

namespace Lindung.Tests.Features.Imports;

/// <summary><see cref="IImportRunner"/> as a web job calls it: progress, cancellation, outcome.</summary>
public sealed class ImportRunnerTests
{
    public static TheoryData<string> Providers => ["sqlite", "postgres"];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Cancelling_during_the_merge_commits_nothing(string provider)
    {
        await using var database = await ImportTestDatabase.CreateAsync(provider);
        var file = ImportCsv.Write(database.Directory.Path, "roster.csv", ImportCsv.RosterHeader, Enumerable.Range(1, 500).Select(i => ImportCsv.RosterLine(i)));
        var before = await database.FingerprintAsync();
        using var cancel = new CancellationTokenSource();
        var phases = new List<string>();
        var progress = new SynchronousProgress(p =>
        {
            phases.Add(p.Phase);
            if (p.Phase == ImportRunner.PhaseMerging)
            {
                cancel.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            database.NewRunner().RunAsync(Request(file), progress, cancel.Token));

        Assert.Equal([ImportRunner.PhaseHashing, ImportRunner.PhaseMerging], phases.Distinct());
        Assert.Equal(before, await database.FingerprintAsync());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Progress_reaches_every_phase_and_the_outcome_counts_the_rows(string provider)
    {
        await using var database = await ImportTestDatabase.CreateAsync(provider);
        var file = ImportCsv.Write(database.Directory.Path, "roster.csv", ImportCsv.RosterHeader, Enumerable.Range(1, 4_500).Select(i => ImportCsv.RosterLine(i)));
        var reports = new List<ImportProgress>();

        var outcome = await database.NewRunner().RunAsync(Request(file), new SynchronousProgress(reports.Add), CancellationToken.None);

        Assert.True(outcome.Committed);
        Assert.Equal((4_500, 4_500, 0, 4_500), (outcome.RowsRead, outcome.RowsValid, outcome.RowsInvalid, outcome.Inserted));
        Assert.Equal(
            [ImportRunner.PhaseHashing, ImportRunner.PhaseValidating, ImportRunner.PhaseMerging, ImportRunner.PhaseCommitting, ImportRunner.PhaseDone],
            reports.Select(r => r.Phase).Distinct());
        var validating = reports.Where(r => r.Phase == ImportRunner.PhaseValidating).ToList();
        Assert.Equal([2_000L, 4_000L], validating.Select(r => r.RowsRead));
        Assert.All(validating, r => Assert.InRange(r.BytesRead, 1, r.TotalBytes));
        Assert.StartsWith(Path.Combine(database.Directory.Path, "imports", outcome.BatchId.ToString("N")), outcome.ReportCsvPath, StringComparison.Ordinal);
        Assert.Equal(Path.ChangeExtension(outcome.ReportCsvPath, ".xlsx"), outcome.ReportXlsxPath);
        Assert.True(File.Exists(outcome.ReportXlsxPath));
    }

    private static ImportRequest Request(string file) =>
        new(ImportKind.Roster, file, Path.GetFileName(file), ImportTestDatabase.AgencyCode, null, CommitMode.AllOrNothing);

    /// <summary>Reports on the caller's thread, in order (<see cref="Progress{T}"/> would post them).</summary>
    private sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
