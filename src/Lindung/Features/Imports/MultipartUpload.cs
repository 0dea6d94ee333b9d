using System.Text;
using Lindung.Domain.Validation;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Lindung.Features.Imports;

/// <summary>
/// Reads an API upload section by section: the file part goes straight to the uploads folder, the
/// small text fields into a dictionary. Nothing is buffered whole, unlike form binding.
/// </summary>
internal static class MultipartUpload
{
    private const int MaxFieldLength = 4096;

    public static async Task<(Dictionary<string, string> Fields, SavedUpload? Upload, ValidationError? Error)> ReadAsync(
        HttpRequest request, string dataDirectory, long maxBytes, CancellationToken ct)
    {
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var media)
            || !media.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(media.Boundary).Value is not { Length: > 0 } boundary)
        {
            return (fields, null, ImportFileErrors.FileRequired);
        }

        SavedUpload? upload = null;
        var reader = new MultipartReader(boundary, request.Body);
        try
        {
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
                {
                    continue;
                }

                if (disposition.IsFileDisposition() && upload is null)
                {
                    var name = disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : disposition.FileName.Value;
                    var (saved, error) = await ImportUploads.SaveAsync(section.Body, HeaderUtilities.RemoveQuotes(name).Value, dataDirectory, maxBytes, ct);
                    if (error is not null)
                    {
                        return (fields, null, error);
                    }

                    upload = saved;
                }
                else if (disposition.IsFormDisposition() && HeaderUtilities.RemoveQuotes(disposition.Name).Value is { } field)
                {
                    using var text = new StreamReader(section.Body, Encoding.UTF8);
                    var buffer = new char[MaxFieldLength];
                    var read = await text.ReadBlockAsync(buffer, ct);
                    fields[field] = new string(buffer, 0, read);
                }
            }
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException)
        {
            Discard(upload, dataDirectory);
            return (fields, null, ImportFileErrors.FileUnreadable);
        }

        return upload is null ? (fields, null, ImportFileErrors.FileRequired) : (fields, upload, null);
    }

    /// <summary><c>columns[nik]=NO INDUK</c> fields as canonical column → header cell.</summary>
    public static Dictionary<string, string> Columns(Dictionary<string, string> fields) =>
        fields.Where(f => f.Key.StartsWith("columns[", StringComparison.OrdinalIgnoreCase) && f.Key.EndsWith(']'))
            .ToDictionary(f => f.Key["columns[".Length..^1].ToLowerInvariant(), f => f.Value, StringComparer.Ordinal);

    private static void Discard(SavedUpload? upload, string dataDirectory)
    {
        if (upload is not null)
        {
            ImportFiles.TryDelete(ImportFiles.Full(dataDirectory, upload.StoredPath));
        }
    }
}
