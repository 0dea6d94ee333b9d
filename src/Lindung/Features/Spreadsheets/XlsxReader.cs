using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Lindung.Domain.Validation;
using Lindung.Features.Imports;

namespace Lindung.Features.Spreadsheets;

/// <summary>
/// Reads one worksheet of an XLSX workbook row by row with the SAX-style
/// <see cref="OpenXmlReader"/>: a million-row sheet is never loaded whole, only its shared strings
/// (the distinct texts) are held. Every cell comes out as the text a person sees (see
/// <see cref="XlsxCellText"/>): shared, inline and formula strings, TRUE/FALSE, integers without
/// ".0", date-styled numbers as yyyy-mm-dd. Cells a row skips come out as empty strings in their
/// columns; rows without a single value are skipped (<see cref="Row"/> keeps the sheet's own
/// numbering). The first row with a value is the header.
/// </summary>
internal sealed class XlsxReader : ITableReader
{
    private readonly SpreadsheetDocument _document;
    private readonly OpenXmlReader _reader;
    private readonly List<string> _sharedStrings;
    private readonly XlsxDateStyles _dateStyles;
    private readonly bool _date1904;
    private readonly List<string> _cells = [];
    private readonly StringBuilder _text = new();
    private readonly int _headerWidth;

    private XlsxReader(SpreadsheetDocument document, WorksheetPart sheet, string sheetName)
    {
        _document = document;
        var workbook = document.WorkbookPart!;
        SheetName = sheetName;
        _sharedStrings = ReadSharedStrings(workbook.SharedStringTablePart);
        _dateStyles = XlsxDateStyles.Load(workbook);
        _date1904 = workbook.Workbook.WorkbookProperties?.Date1904?.Value == true;
        _reader = OpenXmlReader.Create(sheet, readMiscNodes: false, ignoreWhitespace: false);
        if (ReadRecord(out var header))
        {
            _headerWidth = header.Length;
        }
        else
        {
            header = [];
        }

        Header = header;
    }

    /// <summary>The name of the worksheet being read.</summary>
    public string SheetName { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> Header { get; }

    /// <summary>The spreadsheet row number (the row's own r attribute) of the record last read.</summary>
    public int Row { get; private set; }

    /// <summary>
    /// Opens the worksheet named <paramref name="sheet"/> (case-insensitive), or the first one in
    /// the workbook's tab order when null.
    /// </summary>
    /// <exception cref="TableFileException">Not a readable workbook, or no sheet of that name (the message lists the sheets there are).</exception>
    public static XlsxReader Open(string path, string? sheet = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024);
        try
        {
            return Open(stream, sheet, Path.GetFileName(path));
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Opens a workbook held in a seekable stream; the reader owns and disposes it.</summary>
    public static XlsxReader Open(Stream stream, string? sheet = null, string fileName = "workbook.xlsx")
    {
        var document = OpenDocument(stream, fileName);
        try
        {
            var (part, name) = FindSheet(document, sheet, fileName);
            return new XlsxReader(document, part, name);
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    /// <summary>The worksheet names of a workbook in tab order, for a sheet picker.</summary>
    public static IReadOnlyList<string> SheetNames(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        using var document = OpenDocument(stream, Path.GetFileName(path));
        return [.. Sheets(document).Select(s => s.Name)];
    }

    /// <inheritdoc />
    public bool ReadRecord(out string[] fields)
    {
        while (_reader.Read())
        {
            if (_reader.IsStartElement && _reader.LocalName == "row")
            {
                Row = RowNumber(Row);
                if (ReadRow())
                {
                    fields = new string[Math.Max(_cells.Count, _headerWidth)];
                    _cells.CopyTo(fields);
                    Array.Fill(fields, string.Empty, _cells.Count, fields.Length - _cells.Count);
                    return true;
                }
            }
        }

        fields = [];
        return false;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _document.Dispose();
    }

    private int RowNumber(int previous)
    {
        foreach (var attribute in _reader.Attributes)
        {
            if (attribute.LocalName == "r" && int.TryParse(attribute.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                return number;
            }
        }

        return previous + 1;
    }

    /// <summary>Reads the cells of the current row into <see cref="_cells"/>, trimmed after the last value; false when it has none.</summary>
    private bool ReadRow()
    {
        _cells.Clear();
        var column = -1;
        while (_reader.Read())
        {
            if (_reader.IsEndElement && _reader.LocalName == "row")
            {
                break;
            }

            if (!_reader.IsStartElement || _reader.LocalName != "c")
            {
                continue;
            }

            column = ReadCell(column + 1, out var value);
            if (value.Length == 0)
            {
                continue;
            }

            while (_cells.Count <= column)
            {
                _cells.Add(string.Empty);
            }

            _cells[column] = value;
        }

        return _cells.Count > 0;
    }

    /// <summary>Reads the current cell element; returns its zero-based column (from its reference, else <paramref name="next"/>).</summary>
    private int ReadCell(int next, out string value)
    {
        var column = next;
        string? type = null;
        var style = 0;
        foreach (var attribute in _reader.Attributes)
        {
            switch (attribute.LocalName)
            {
                case "r":
                    column = ColumnIndex(attribute.Value ?? string.Empty) ?? next;
                    break;
                case "t":
                    type = attribute.Value;
                    break;
                case "s":
                    style = int.TryParse(attribute.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
                    break;
            }
        }

        string? raw = null;
        _text.Clear();
        var inPhonetic = false;
        var depth = 0;
        // An empty <c/> has no end element of its own in some readers; stop at anything outside it.
        while (_reader.Read())
        {
            var name = _reader.LocalName;
            if (_reader.IsEndElement)
            {
                if (name == "c" && depth == 0)
                {
                    break;
                }

                depth--;
                inPhonetic &= name != "rPh";
                continue;
            }

            if (!_reader.IsStartElement)
            {
                continue;
            }

            depth++;
            switch (name)
            {
                case "v":
                    raw = _reader.GetText();
                    break;
                case "rPh":
                    inPhonetic = true;
                    break;
                case "t" when !inPhonetic:
                    _text.Append(_reader.GetText());
                    break;
            }
        }

        value = Render(type, style, raw);
        return column;
    }

    private string Render(string? type, int style, string? raw)
    {
        if (type == "inlineStr")
        {
            return XlsxCellText.Unescape(_text.ToString());
        }

        if (string.IsNullOrEmpty(raw))
        {
            return string.Empty;
        }

        return type switch
        {
            "s" => int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < _sharedStrings.Count ? _sharedStrings[i] : string.Empty,
            "str" or "e" => XlsxCellText.Unescape(raw),
            "b" => XlsxCellText.Boolean(raw),
            "d" => XlsxCellText.IsoDate(raw),
            _ => _dateStyles.IsDate(style) ? XlsxCellText.Date(raw, _date1904) : XlsxCellText.Number(raw),
        };
    }

    /// <summary>The zero-based column of a reference like "AB12"; null when it has no letters.</summary>
    internal static int? ColumnIndex(string reference)
    {
        var column = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c))
            {
                break;
            }

            column = (column * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
            letters++;
        }

        return letters is 0 or > 3 ? null : column - 1;
    }

    private static List<string> ReadSharedStrings(SharedStringTablePart? part)
    {
        var strings = new List<string>();
        if (part is null)
        {
            return strings;
        }

        using var reader = OpenXmlReader.Create(part, readMiscNodes: false, ignoreWhitespace: false);
        var text = new StringBuilder();
        var inPhonetic = false;
        while (reader.Read())
        {
            switch (reader.LocalName)
            {
                case "si" when reader.IsStartElement:
                    text.Clear();
                    break;
                case "si" when reader.IsEndElement:
                    strings.Add(XlsxCellText.Unescape(text.ToString()));
                    break;
                case "rPh":
                    inPhonetic = reader.IsStartElement;
                    break;
                case "t" when reader.IsStartElement && !inPhonetic:
                    text.Append(reader.GetText());
                    break;
            }
        }

        return strings;
    }

    private static SpreadsheetDocument OpenDocument(Stream stream, string fileName)
    {
        try
        {
            var document = SpreadsheetDocument.Open(stream, isEditable: false);
            if (document.WorkbookPart?.Workbook is null)
            {
                document.Dispose();
                throw Unreadable(fileName);
            }

            return document;
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or FileFormatException or System.Xml.XmlException)
        {
            throw Unreadable(fileName);
        }
    }

    private static TableFileException Unreadable(string fileName) => new(new ValidationError(
        "TABLE_XLSX_UNREADABLE",
        $"{fileName}: berkas XLSX rusak atau bukan buku kerja Excel. Buka di Excel lalu simpan ulang sebagai .xlsx atau CSV.",
        $"{fileName}: the XLSX file is damaged or not an Excel workbook. Open it in Excel and save it again as .xlsx or CSV."));

    private static (WorksheetPart Part, string Name) FindSheet(SpreadsheetDocument document, string? sheet, string fileName)
    {
        var sheets = Sheets(document);
        var found = sheet is null
            ? sheets.FirstOrDefault()
            : sheets.FirstOrDefault(s => string.Equals(s.Name.Trim(), sheet.Trim(), StringComparison.OrdinalIgnoreCase));
        if (found.Part is not null)
        {
            return found;
        }

        var names = string.Join(", ", sheets.Select(s => $"'{s.Name}'"));
        throw new TableFileException(sheet is null
            ? new ValidationError(
                "TABLE_XLSX_NO_SHEET",
                $"{fileName}: buku kerja tidak memiliki lembar kerja.",
                $"{fileName}: the workbook has no worksheet.")
            : new ValidationError(
                "TABLE_XLSX_SHEET_NOT_FOUND",
                $"{fileName}: lembar '{sheet}' tidak ada. Lembar yang ada: {names}.",
                $"{fileName}: there is no sheet '{sheet}'. Sheets in the workbook: {names}."));
    }

    /// <summary>Worksheets in tab order; chart sheets and dialog sheets are left out.</summary>
    private static List<(WorksheetPart Part, string Name)> Sheets(SpreadsheetDocument document)
    {
        var workbook = document.WorkbookPart!;
        var result = new List<(WorksheetPart, string)>();
        foreach (var sheet in workbook.Workbook.Sheets?.Elements<Sheet>() ?? [])
        {
            if (sheet.Id?.Value is { } id && workbook.TryGetPartById(id, out var part) && part is WorksheetPart worksheet)
            {
                result.Add((worksheet, sheet.Name?.Value ?? string.Empty));
            }
        }

        return result;
    }
}
