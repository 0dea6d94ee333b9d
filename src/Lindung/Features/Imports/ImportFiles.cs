namespace Lindung.Features.Imports;

/// <summary>
/// Where uploads and reports live: paths in the job row are relative to the data folder, so a moved
/// data folder keeps working; the files themselves never leave it.
/// </summary>
internal static class ImportFiles
{
    public const string UploadsFolder = "uploads";

    /// <summary>The file types an import reads, by extension.</summary>
    public static readonly string[] Extensions = [".csv", ".xlsx"];

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
        var root = Path.GetFullPath(dataDirectory);
        var relative = Path.GetRelativePath(root, full);
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
