using Lindung.Features.Imports;

namespace Lindung.Tests.Features.Imports;

/// <summary>
/// A stand-in import runner for the job mechanics only (queue, progress, cancel, recovery): it
/// reports progress, then waits for <see cref="Release"/> or cancellation, and returns a fixed
/// outcome with a report file. The import itself is tested against the real runner.
/// </summary>
internal sealed class SignalledRunner : IImportRunner
{
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<ImportRequest> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Whether to wait for <see cref="Release"/>; false finishes at once.</summary>
    public bool Blocks { get; init; } = true;

    public bool SawCancellation { get; private set; }

    public bool Committed { get; private set; }

    public Task<ImportRequest> Started => _started.Task;

    public void Release() => _release.TrySetResult();

    public async Task<ImportOutcome> RunAsync(ImportRequest request, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var total = new FileInfo(request.FilePath).Length;
        progress?.Report(new ImportProgress("reading", 1234, total / 2, total));
        _started.TrySetResult(request);
        if (Blocks)
        {
            try
            {
                await _release.Task.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                SawCancellation = true;
                throw;
            }
        }

        progress?.Report(new ImportProgress("committing", 2000, total, total));
        var report = Path.ChangeExtension(request.FilePath, ".report.csv");
        await File.WriteAllTextAsync(report, "baris,kolom,kode,pesan\n3,nik,nik_checksum,NIK tidak valid\n", cancellationToken);
        Committed = true;
        return new ImportOutcome(
            Guid.CreateVersion7(), Committed: true, RowsRead: 2000, RowsValid: 1999, RowsInvalid: 1, Inserted: 1500, Updated: 400, Unchanged: 99, Ended: 0,
            [new RowIssue(3, "nik", "nik_checksum", "NIK tidak valid.", "The NIK is invalid.")], report, ReportXlsxPath: null);
    }
}
