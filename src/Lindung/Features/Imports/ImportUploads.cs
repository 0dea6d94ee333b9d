using Lindung.Domain.Validation;
using Lindung.Hosting;

namespace Lindung.Features.Imports;

/// <summary>An upload as stored: the job it will become, and where it lies relative to the data folder.</summary>
internal sealed record SavedUpload(Guid JobId, string OriginalFileName, string StoredPath, long Length);

/// <summary>
/// Streams an upload into <c>&lt;data&gt;/uploads/</c> in small buffers, so a large file never sits in
/// memory, and stops (deleting the part written) as soon as it passes the size limit.
/// </summary>
internal static class ImportUploads
{
    /// <summary>A page's file field: no file chosen is <c>file_required</c>; otherwise as <see cref="SaveAsync(Stream, string?, string, long, CancellationToken)"/>.</summary>
    public static async Task<(SavedUpload? Upload, ValidationError? Error)> SaveAsync(IFormFile? file, string dataDirectory, long maxBytes, CancellationToken ct)
    {
        if (file is null)
        {
            return (null, ImportFileErrors.FileRequired);
        }

        await using var content = file.OpenReadStream();
        return await SaveAsync(content, file.FileName, dataDirectory, maxBytes, ct);
    }

    public static async Task<(SavedUpload? Upload, ValidationError? Error)> SaveAsync(
        Stream content, string? fileName, string dataDirectory, long maxBytes, CancellationToken ct)
    {
        var originalName = Path.GetFileName(fileName ?? string.Empty);
        if (originalName.Length == 0)
        {
            return (null, ImportFileErrors.FileRequired);
        }

        if (ImportFiles.ExtensionOf(originalName) is not { } extension)
        {
            return (null, ImportFileErrors.FileType);
        }

        var jobId = Guid.CreateVersion7();
        var relative = ImportFiles.UploadPath(jobId, extension);
        var full = ImportFiles.Full(dataDirectory, relative);
        PrivateFiles.CreateFolder(Path.GetDirectoryName(full)!);
        long written = 0;
        var complete = false;
        try
        {
            await using (var file = PrivateFiles.Create(full, FileMode.CreateNew, 81920, FileOptions.Asynchronous))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    written += read;
                    if (written > maxBytes)
                    {
                        return (null, ImportFileErrors.FileTooLarge(maxBytes));
                    }

                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                }
            }

            if (written == 0)
            {
                return (null, ImportFileErrors.FileEmpty);
            }

            complete = true;
            return (new SavedUpload(jobId, Truncate(originalName), relative, written), null);
        }
        finally
        {
            if (!complete)
            {
                ImportFiles.TryDelete(full);
            }
        }
    }

    private static string Truncate(string name) => name.Length <= 260 ? name : name[^260..];
}
