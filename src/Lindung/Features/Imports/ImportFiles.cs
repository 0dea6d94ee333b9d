using System.Security.Cryptography;

namespace Lindung.Features.Imports;

/// <summary>Opening an uploaded or named file for import, and its fingerprint.</summary>
internal static class ImportFiles
{
    /// <summary>
    /// The one place a table is opened for import. CSV only for now; when the XLSX reader lands
    /// this becomes <c>TableReader.Open(path, sheet)</c>.
    /// </summary>
    public static ITableReader Open(string path, string? sheet)
    {
        if (sheet is not null)
        {
            throw new ImportRefusedException($"--sheet '{sheet}': this file is read as CSV, which has no sheets.");
        }

        return CsvReader.Open(path);
    }

    /// <summary>SHA-256 of the file, lowercase hex, read in one streaming pass.</summary>
    public static async Task<string> Sha256Async(string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan | FileOptions.Asynchronous);
        var hash = await SHA256.HashDataAsync(stream, cancellationToken);
        return Convert.ToHexStringLower(hash);
    }
}
