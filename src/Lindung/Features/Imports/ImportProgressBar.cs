using Lindung.Features.Jobs;

namespace Lindung.Features.Imports;

/// <summary>The import's progress on standard error: phase, share of the file's bytes and rows per second.</summary>
internal sealed class ImportProgressBar(TextWriter error, TimeProvider clock) : IProgress<ImportProgress>
{
    private readonly ConsoleProgress _line = new(error, clock, "rows");

    public void Report(ImportProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var percent = value.TotalBytes == 0 ? 100 : 100.0 * value.BytesRead / value.TotalBytes;
        _line.Report(value.Phase, percent, value.RowsRead, value.Phase == ImportRunner.PhaseDone);
    }
}
