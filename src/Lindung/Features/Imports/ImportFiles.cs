using System.Security.Cryptography;

namespace Lindung.Features.Imports;

/// <summary>
/// Opening an uploaded or named file for import, its fingerprint, and where web uploads live: paths
/// in a job row are relative to the data folder, so a moved data folder keeps working.
/// </summary>
internal static class ImportFiles
{
    public const string UploadsFolder = "uploads";

    /// <summary>The file types a web upload may have, by extension.</summary>
    public static readonly string[] Extensions = [".csv", ".xlsx"];

    /// <summary>The one place a table is opened for import: the bytes decide between XLSX and CSV.</summary>
    public static ITableReader Open(string path, string? sheet, TableLimits limits) => TableReader.Open(path, sheet, limits);

    /// <summary>SHA-256 of the file, lowercase hex, read in one streaming pass.</summary>
    public static async Task<string> Sha256Async(string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan | FileOptions.Asynchronous);
        var hash = await SHA256.HashDataAsync(stream, cancellationToken);
        return Convert.ToHexStringLower(hash);
    }

    public static string? ExtensionOf(string fileName)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        return Extensions.Contains(extension, StringComparer.Ordinal) ? extension : null;
    }

    public static string UploadPath(Guid jobId, string extension) => Path.Combine(UploadsFolder, $"{jobId:N}{extension}");

    public static string Full(string dataDirectory, string path) =>
        Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(dataDirectory, path));

    /// <summary>A path inside the data folder as a relative one; others stay as they are.</summary>
    public static string Relative(string dataDirectory, string path)
    {
        var full = Path.GetFullPath(path);
        var relative = Path.GetRelativePath(Path.GetFullPath(dataDirectory), full);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? full : relative;
    }

    public static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
