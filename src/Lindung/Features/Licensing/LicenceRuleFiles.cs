using Lindung.Cli;
using Lindung.Domain.Licensing;

namespace Lindung.Features.Licensing;

/// <summary>
/// Licence rules kept as files, like the rate book: the example set shipped beside the binary
/// (<c>Licensing/licence-rules.json</c>, Kota Madiun, loaded by the demo) and a region's own files in
/// <c>&lt;data dir&gt;/licensing/*.json</c>, read in ordinal file-name order at every start.
/// </summary>
internal static class LicenceRuleFiles
{
    public const string Folder = "licensing";

    public static string ExamplePath => Path.Combine(AppContext.BaseDirectory, "Licensing", "licence-rules.json");

    public static IReadOnlyList<(string Source, IReadOnlyList<LicenceRule> Rules)> ReadDataFolder(string dataDirectory)
    {
        var folder = Path.Combine(dataDirectory, Folder);
        return Directory.Exists(folder)
            ? [.. Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).Select(path => ($"file:{Path.GetFileName(path)}", Read(path)))]
            : [];
    }

    public static IReadOnlyList<LicenceRule> ReadExample() => Read(ExamplePath);

    public static IReadOnlyList<LicenceRule> Read(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"Cannot read licence rules file {path}: {ex.Message}");
        }

        try
        {
            return LicenceRuleParser.Parse(json, Path.GetFileName(path));
        }
        catch (LicenceRuleFormatException ex)
        {
            throw new UsageException($"Licence rules file {path} rejected: {ex.Message}");
        }
    }
}
