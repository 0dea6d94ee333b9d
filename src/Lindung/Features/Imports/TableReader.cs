using Lindung.Domain.Validation;
using Lindung.Features.Spreadsheets;

namespace Lindung.Features.Imports;

/// <summary>
/// Opens a roster or extract whatever its extension says: an XLSX workbook when the file starts
/// with the zip signature, CSV otherwise. Users rename files, and browsers upload "roster.csv"
/// that Excel saved as a workbook, so the bytes decide, not the name.
/// </summary>
internal static class TableReader
{
    /// <summary>
    /// Opens <paramref name="path"/> for reading row by row. <paramref name="sheet"/> picks a
    /// worksheet by name in a workbook (the first sheet when null) and is ignored for CSV.
    /// </summary>
    /// <exception cref="TableFileException">An .xls file, a damaged workbook or a missing sheet.</exception>
    public static ITableReader Open(string path, string? sheet = null) => OpenUnguarded(path, sheet, limits: null);

    /// <summary>
    /// Opens <paramref name="path"/> for an import: within <paramref name="limits"/>, CSV only as
    /// UTF-8, and whatever goes wrong while opening or reading (a truncated zip, invalid XML, a DTD, a
    /// limit) comes out as a <see cref="TableFileException"/> with a named code, never as another exception.
    /// </summary>
    public static ITableReader Open(string path, string? sheet, TableLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return Guarded.Run(path, () => new Guarded(OpenUnguarded(path, sheet, limits), Path.GetFileName(path)));
    }

    private static ITableReader OpenUnguarded(string path, string? sheet, TableLimits? limits)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Sniff(path) switch
        {
            Kind.Xlsx => XlsxReader.Open(path, sheet, limits),
            Kind.Xls => throw new TableFileException(new ValidationError(
                "TABLE_XLS_UNSUPPORTED",
                $"{Path.GetFileName(path)}: berkas Excel 97-2003 (.xls) tidak didukung. Simpan ulang sebagai Excel Workbook (.xlsx) atau CSV.",
                $"{Path.GetFileName(path)}: Excel 97-2003 files (.xls) are not supported. Save it again as Excel Workbook (.xlsx) or CSV.")),
            _ => CsvReader.Open(path, limits),
        };
    }

    /// <summary>A reader whose every failure is a <see cref="TableFileException"/>.</summary>
    private sealed class Guarded(ITableReader inner, string fileName) : ITableReader
    {
        public IReadOnlyList<string> Header => inner.Header;

        public int Row => inner.Row;

        public bool ReadRecord(out string[] fields)
        {
            string[] read = [];
            var more = Run(fileName, () => inner.ReadRecord(out read));
            fields = read;
            return more;
        }

        public void Dispose() => inner.Dispose();

        public static T Run<T>(string path, Func<T> read)
        {
            try
            {
                return read();
            }
            catch (TableFileException)
            {
                throw;
            }
            catch (System.Xml.XmlException exception) when (XlsxReader.IsDtd(exception))
            {
                throw TableLimits.DtdProhibited(Path.GetFileName(path));
            }
            catch (System.Xml.XmlException)
            {
                throw TableLimits.InvalidXml(Path.GetFileName(path));
            }
            catch (Exception exception) when (exception is not (OperationCanceledException or OutOfMemoryException))
            {
                // A damaged file fails in any way its parser can (zip, packaging, XML, SDK internals): all of them mean "unreadable".
                throw TableLimits.Unreadable(Path.GetFileName(path));
            }
        }
    }

    private enum Kind
    {
        Csv,
        Xlsx,
        Xls,
    }

    private static Kind Sniff(string path)
    {
        Span<byte> head = stackalloc byte[4];
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (read >= 4 && head[0] == (byte)'P' && head[1] == (byte)'K' && head[2] == 3 && head[3] == 4)
        {
            return Kind.Xlsx;
        }

        // The OLE compound-file signature of Excel 97-2003 workbooks.
        return read >= 4 && head[0] == 0xD0 && head[1] == 0xCF && head[2] == 0x11 && head[3] == 0xE0 ? Kind.Xls : Kind.Csv;
    }
}
