using System.Globalization;

namespace Lindung.Bench;

internal sealed record BenchArgs(int Rows, int Runs, int Seed, int Seeds, int Members, int Roster, string WorkDirectory)
{
    public static BenchArgs Parse(string[] args)
    {
        int Get(string name, int fallback)
        {
            var at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
        }

        var work = Path.Combine(Path.GetTempPath(), "lindung-bench");
        Directory.CreateDirectory(work);
        return new BenchArgs(
            Get("--rows", 1_000_000), Get("--runs", 3), Get("--seed", 20261125), Get("--seeds", 1), Get("--members", 200_000), Get("--roster", 20_000), work);
    }
}
