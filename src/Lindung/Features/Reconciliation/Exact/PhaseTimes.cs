using System.Diagnostics;
using System.Globalization;

namespace Lindung.Features.Reconciliation.Exact;

/// <summary>
/// Wall and processor time of each phase of the exact pass on standard error, when the variable
/// <see cref="Variable"/> is set: the benchmark gives one figure for the whole run, and profiling a
/// one-shot run needs to know which read the time went to. Silent otherwise.
/// </summary>
internal sealed class PhaseTimes
{
    public const string Variable = "LINDUNG_EXACT_PHASES";

    private readonly bool _enabled = Environment.GetEnvironmentVariable(Variable) is not null;
    private readonly Stopwatch _wall = Stopwatch.StartNew();
    private TimeSpan _processor = Process.GetCurrentProcess().TotalProcessorTime;

    public void Done(string phase)
    {
        if (!_enabled)
        {
            return;
        }

        var processor = Process.GetCurrentProcess().TotalProcessorTime;
        Console.Error.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"exact pass: {phase,-12} wall {_wall.Elapsed.TotalMilliseconds,7:N0} ms  cpu {(processor - _processor).TotalMilliseconds,7:N0} ms"));
        _wall.Restart();
        _processor = processor;
    }
}
