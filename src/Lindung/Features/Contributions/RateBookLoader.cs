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

    /// <summary>
    /// The book in force for a request, as a service: <see cref="Load"/> of the host's data folder, which
    /// re-reads only files that changed. Use cases that take a <see cref="RateBook"/> get it from here.
    /// </summary>
    public static IServiceCollection AddLindungRateBook(this IServiceCollection services) =>
        services.AddScoped(sp => Load(sp.GetRequiredService<Hosting.LindungHostOptions>().DataDirectory));

    /// <summary>
    /// The same request service for a batch verb, which has a data folder but no web host
    /// (<see cref="CliServices"/>), so the verb's use cases get the book as the web's do.
    /// </summary>
    public static IServiceCollection AddLindungRateBook(this IServiceCollection services, string dataDirectory) =>
        services.AddScoped(_ => Load(dataDirectory));

    /// <summary>The rates shipped with the app alone, for callers with no data folder (the demo seed).</summary>
    public static RateBook BuiltIn() => new([Read(BuiltInPath, "built-in rates.json")]);

    /// <summary>The last book read per data folder, with the files it was read from (path, size, time written).</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string Stamp, RateBook Book)> Cache = new(StringComparer.Ordinal);

    /// <summary>
    /// The book in force. The request service asks on every request; the files are parsed again only when
    /// one of them was added, removed or rewritten since the last read, so a dropped overlay still counts
    /// from the next request without a restart.
    /// </summary>
    public static RateBook Load(string dataDirectory)
    {
        var overlayDirectory = Path.Combine(dataDirectory, OverlayFolder);
        var overlays = Directory.Exists(overlayDirectory)
            ? Directory.GetFiles(overlayDirectory, "*.json").Order(StringComparer.Ordinal).ToList()
            : [];
        var stamp = string.Join('|', new[] { BuiltInPath }.Concat(overlays).Select(Stamp));
        if (Cache.TryGetValue(dataDirectory, out var cached) && string.Equals(cached.Stamp, stamp, StringComparison.Ordinal))
        {
            return cached.Book;
        }

        var sources = new List<RateSource> { Read(BuiltInPath, "built-in rates.json") };
        sources.AddRange(overlays.Select(path => Read(path, $"overlay {Path.GetFileName(path)}")));
        var book = new RateBook(sources);
        Cache[dataDirectory] = (stamp, book);
        return book;
    }

    private static string Stamp(string path)
    {
        var file = new FileInfo(path);
        return file.Exists
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{path}:{file.Length}:{file.LastWriteTimeUtc.Ticks}")
            : path + ":missing";
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
