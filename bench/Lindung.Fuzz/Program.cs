using System.Globalization;
using Lindung.Fuzz;

// lindung-fuzz [--files N] [--seed N] [--db CONNECTION] [--no-cli] [--no-api] [--verbose] [--max-rows N]
// Generates N malformed rosters from the seed, runs each through the command line and the upload
// API in process, and prints crashes, 500s, partial writes and the peak working set. Exit 0 when
// there were none of the first three.
// lindung-fuzz --memory [--seed N] [--max-rows N]: one file of each kind, each door in a fresh
// process, and each process's peak resident memory against the 512 MB limit.
if (args is [MemoryProbe.ChildJob, var childFile, var childMutation, var childDoor, ..])
{
    return await MemoryProbe.RunChildAsync(childFile, childMutation, childDoor, Text("--max-rows") is null ? null : Value("--max-rows", 0));
}

var files = Value("--files", 10_000);
var seed = Value("--seed", 20261205);
var db = Text("--db");
if (args.Contains("--memory"))
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fuzz --memory: seed {seed}, SQLite, one file of each kind per door, each in a fresh process"));
    return await MemoryProbe.RunAsync(seed, Text("--max-rows") is null ? null : Value("--max-rows", 0), Console.Out);
}

var options = new FuzzOptions(files, seed, db, Cli: !args.Contains("--no-cli"), Api: !args.Contains("--no-api"), Verbose: args.Contains("--verbose"), MaxRows: Text("--max-rows") is null ? null : Value("--max-rows", 0));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"fuzz: {files} files, seed {seed}, database {(db is null ? "SQLite" : "PostgreSQL")}, doors {(options.Cli ? "cli " : string.Empty)}{(options.Api ? "api" : string.Empty)}"));
var report = await FuzzRunner.RunAsync(options, Console.Out);
Console.WriteLine(report);
foreach (var (code, count) in report.Codes)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {count,7}  {code}"));
}

foreach (var (mutation, seconds) in report.SecondsByMutation.OrderByDescending(m => m.Value))
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {seconds,7:F1} s  {mutation}"));
}

foreach (var failure in report.Failures.Take(50))
{
    Console.WriteLine("FAIL " + failure);
}

return report.Crashes + report.ServerErrors + report.PartialWrites == 0 ? 0 : 1;

int Value(string name, int fallback) => Text(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

string? Text(string name) => Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
