using System.Globalization;

namespace Lindung.Bench;

internal sealed record BenchArgs(string[] Raw, int Runs, int Seed, int Seeds, string WorkDirectory)
{
    public int Rows => Get("--rows", 1_000_000);

    public int Members => Get("--members", 200_000);

    public int Roster => Get("--roster", 20_000);

    public static BenchArgs Parse(string[] args)
    {
        var work = Path.Combine(Path.GetTempPath(), "lindung-bench");
        Directory.CreateDirectory(work);
        var parsed = new BenchArgs(args, 0, 0, 0, work);
        return parsed with { Runs = parsed.Get("--runs", 3), Seed = parsed.Get("--seed", 20261125), Seeds = parsed.Get("--seeds", 1) };
    }

    /// <summary>An integer option, or the job's own default (each job sizes itself for its issue).</summary>
    public int Get(string name, int fallback) => Text(name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    /// <summary>The value after <paramref name="name"/>, or null when the option is not given.</summary>
    public string? Text(string name)
    {
        var at = Array.IndexOf(Raw, name);
        return at >= 0 && at + 1 < Raw.Length ? Raw[at + 1] : null;
    }
}
