using System.Globalization;

namespace Lindung.Features.Jobs;

/// <summary>
/// A job's progress on standard error: phase, a bar, the share done and items per second. A terminal
/// gets one line redrawn in place; a pipe or log gets a line at each phase change and at most one a
/// second otherwise. Written synchronously, so a line is out before the phase starts.
/// </summary>
internal sealed class ConsoleProgress(TextWriter error, TimeProvider clock, string unit)
{
    private readonly bool _interactive = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected;
    private readonly long _started = clock.GetTimestamp();
    private long _lastLine;
    private string? _phase;

    /// <param name="phase">What the job is doing now; a change of phase always writes a line.</param>
    /// <param name="percent">Share done, 0–100; null when the phase cannot tell (the bar stays empty).</param>
    /// <param name="count">Items done so far, for the count and the rate.</param>
    /// <param name="last">The final report: an interactive line is closed with a new line.</param>
    public void Report(string phase, double? percent, long count, bool last)
    {
        var now = clock.GetTimestamp();
        var phaseChanged = phase != _phase;
        if (!phaseChanged && !last && clock.GetElapsedTime(_lastLine, now) < TimeSpan.FromSeconds(_interactive ? 0.2 : 1))
        {
            return;
        }

        _phase = phase;
        _lastLine = now;
        var seconds = Math.Max(clock.GetElapsedTime(_started, now).TotalSeconds, 0.001);
        var filled = (int)Math.Clamp((percent ?? 0) / 5, 0, 20);
        var shown = percent is { } p ? p.ToString("0.0", CultureInfo.InvariantCulture) + "%" : "–";
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{phase,-10} [{new string('#', filled)}{new string('.', 20 - filled)}] {shown,6} {count,10:N0} {unit} {count / seconds,9:N0} {unit}/s");
        error.Write(_interactive ? "\r" + line : line + Environment.NewLine);
        if (_interactive && last)
        {
            error.WriteLine();
        }

        error.Flush();
    }
}
