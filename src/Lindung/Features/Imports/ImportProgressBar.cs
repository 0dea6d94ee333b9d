using System.Globalization;

namespace Lindung.Features.Imports;

/// <summary>
/// The import's progress on standard error: phase, share of the file's bytes and rows per second.
/// A terminal gets one line redrawn in place; a pipe or log gets a line at each phase change and at
/// most one a second otherwise. Reported synchronously, so a line is out before the phase starts.
/// </summary>
internal sealed class ImportProgressBar(TextWriter error, TimeProvider clock) : IProgress<ImportProgress>
{
    private readonly bool _interactive = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected;
    private readonly long _started = clock.GetTimestamp();
    private long _lastLine;
    private string? _phase;

    public void Report(ImportProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var now = clock.GetTimestamp();
        var phaseChanged = value.Phase != _phase;
        if (!phaseChanged && clock.GetElapsedTime(_lastLine, now) < TimeSpan.FromSeconds(_interactive ? 0.2 : 1))
        {
            return;
        }

        _phase = value.Phase;
        _lastLine = now;
        var seconds = Math.Max(clock.GetElapsedTime(_started, now).TotalSeconds, 0.001);
        var percent = value.TotalBytes == 0 ? 100 : 100.0 * value.BytesRead / value.TotalBytes;
        var filled = (int)(percent / 5);
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{value.Phase,-10} [{new string('#', filled)}{new string('.', 20 - filled)}] {percent,5:0.0}% {value.RowsRead,10:N0} rows {value.RowsRead / seconds,9:N0} rows/s");
        error.Write(_interactive ? "\r" + line : line + Environment.NewLine);
        if (_interactive && value.Phase == ImportRunner.PhaseDone)
        {
            error.WriteLine();
        }

        error.Flush();
    }
}
