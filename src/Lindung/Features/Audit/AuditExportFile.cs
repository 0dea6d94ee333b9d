using System.Globalization;
using System.Text;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Features.Spreadsheets;

namespace Lindung.Features.Audit;

/// <summary>
/// The audit trail as CSV (UTF-8 with BOM, written row by row to the response) or XLSX (one sheet,
/// built in a temporary file), with Indonesian column names like the other exports. The time is
/// UTC, and says so in its column name. Every text cell goes through <see cref="CsvCell"/>: actors,
/// keys and the before/after rows hold what users typed.
/// </summary>
internal static class AuditExportFile
{
    public const string CsvHeader = "id,waktu_utc,pengguna,aksi,entitas,kunci,wilayah,kolom_berubah,sebelum,sesudah";
    public const string CsvType = "text/csv; charset=utf-8";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static async Task WriteCsvAsync(Stream stream, IAsyncEnumerable<AuditEventView> rows, CancellationToken ct)
    {
        await using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16 * 1024, leaveOpen: true);
        await writer.WriteAsync(CsvHeader + "\n");
        await foreach (var e in rows.WithCancellation(ct))
        {
            var cells = Cells(e);
            await writer.WriteAsync(string.Join(',', cells.Skip(1).Select(c => CsvCell.Text(c)).Prepend(e.Id.ToString(CultureInfo.InvariantCulture))) + "\n");
        }
    }

    /// <summary>
    /// The workbook in a temporary file deleted when the returned stream (at its start) is closed:
    /// a zip cannot be streamed to a response without synchronous writes.
    /// </summary>
    public static async Task<Stream> XlsxFileAsync(IAsyncEnumerable<AuditEventView> rows, int count, CancellationToken ct)
    {
        var file = new FileStream(
            Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            using (var book = XlsxWriter.Create(file, leaveOpen: true))
            {
                var sheet = book.AddSheet(
                    "Jejak audit",
                    [
                        new("id", XlsxColumnKind.Integer) { Sum = false }, new("waktu_utc", Width: 20), new("pengguna", Width: 28), new("aksi", Width: 16),
                        new("entitas", Width: 18), new("kunci", Width: 38), new("wilayah", Width: 14), new("kolom_berubah", Width: 28),
                        new("sebelum", Width: 60), new("sesudah", Width: 60),
                    ],
                    "Jejak audit Lindung",
                    $"{count} baris · waktu dalam UTC");
                await foreach (var e in rows.WithCancellation(ct))
                {
                    var cells = Cells(e);
                    sheet.WriteRow(e.Id, cells[1], cells[2], cells[3], cells[4], cells[5], cells[6], cells[7], cells[8], cells[9]);
                }
            }

            file.Position = 0;
            return file;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    private static string[] Cells(AuditEventView e) =>
    [
        e.Id.ToString(CultureInfo.InvariantCulture),
        e.At.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        e.Actor,
        EnumCodes<AuditAction>.ToCode(e.Action),
        e.EntityType,
        e.EntityKey,
        e.RegionCode,
        string.Join(' ', e.Changed),
        e.Before ?? string.Empty,
        e.After ?? string.Empty,
    ];
}
