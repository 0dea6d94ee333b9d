using Lindung.Cli;
using Lindung.Domain.Contributions;

namespace Lindung.Features.Contributions;

/// <summary>
/// Reads the rate book: the built-in <c>Rates/rates.json</c> beside the binary, then every
/// <c>*.json</c> in <c>&lt;data dir&gt;/rates/</c> in ordinal file-name order. Later files win ties
/// (see <see cref="RateBook"/>), so an admin adds next year's JP cap by dropping a file there.
/// </summary>
internal static class RateBookLoader
{
    public const string OverlayFolder = "rates";

    public static string BuiltInPath => Path.Combine(AppContext.BaseDirectory, "Rates", "rates.json");

    /// <summary>The rates shipped with the app alone, for callers with no data folder (the demo seed).</summary>
    public static RateBook BuiltIn() => new([Read(BuiltInPath, "built-in rates.json")]);

    public static RateBook Load(string dataDirectory)
    {
        var sources = new List<RateSource> { Read(BuiltInPath, "built-in rates.json") };
        var overlayDirectory = Path.Combine(dataDirectory, OverlayFolder);
        if (Directory.Exists(overlayDirectory))
        {
            var overlays = Directory.GetFiles(overlayDirectory, "*.json").Order(StringComparer.Ordinal);
            sources.AddRange(overlays.Select(path => Read(path, $"overlay {Path.GetFileName(path)}")));
        }

        return new RateBook(sources);
    }

    private static RateSource Read(string path, string sourceName)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"Cannot read rate file {path}: {ex.Message}");
        }

        try
        {
            return RateBookParser.Parse(json, sourceName);
        }
        catch (RateBookFormatException ex)
        {
            throw new UsageException($"Rate file {path} rejected: {ex.Message}");
        }
    }
}
