using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Lindung.Domain.Validation;
using Lindung.Features.Imports;

namespace Lindung.Features.Spreadsheets;

/// <summary>
/// Reads one worksheet of an XLSX workbook row by row: the Open XML SDK finds the parts and reads
/// the small ones (workbook, styles), and the sheet and its shared strings stream through a
/// forward-only <see cref="XmlReader"/>, so a million-row sheet is never loaded whole; only the
/// shared strings (the distinct texts) are held. (The SDK's own <c>OpenXmlReader</c> streams too,
/// but builds an element object for every node and measured four times slower on a large sheet.) Every cell comes out as the text a person sees (see
/// <see cref="XlsxCellText"/>): shared, inline and formula strings, TRUE/FALSE, integers without
/// ".0", date-styled numbers as yyyy-mm-dd. Cells a row skips come out as empty strings in their
/// columns; rows without a single value are skipped (<see cref="Row"/> keeps the sheet's own
/// numbering). The first row with a value is the header.
/// </summary>
internal sealed class XlsxReader : ITableReader
{
    private readonly SpreadsheetDocument _document;
    private static readonly XmlReaderSettings XmlSettings = new()
    {
        CloseInput = true,
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    private readonly XmlReader _xml;
    private readonly List<string> _sharedStrings;
    private readonly XlsxDateStyles _dateStyles;
    private readonly bool _date1904;
    private readonly List<string> _cells = [];
    private readonly StringBuilder _text = new();
    private readonly int _headerWidth;
    private readonly TableLimits _limits;
    private readonly string _fileName;

    private XlsxReader(SpreadsheetDocument document, WorksheetPart sheet, string sheetName, TableLimits limits, string fileName)
    {
        _document = document;
        _limits = limits;
        _fileName = fileName;
        var workbook = document.WorkbookPart!;
        SheetName = sheetName;
        _sharedStrings = ReadSharedStrings(workbook.SharedStringTablePart);
        _dateStyles = XlsxDateStyles.Load(workbook);
        _date1904 = workbook.Workbook.WorkbookProperties?.Date1904?.Value == true;
        _xml = XmlReader.Create(Limited(sheet), XmlSettings);
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
    /// Opens the worksheet named <paramref name="sheet"/> (case-insensitive), or the first visible
    /// one in the workbook's tab order when null.
    /// </summary>
    /// <exception cref="TableFileException">Not a readable workbook, or no sheet of that name (the message lists the sheets there are).</exception>
    public static XlsxReader Open(string path, string? sheet = null, TableLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024);
        try
        {
            return Open(stream, sheet, Path.GetFileName(path), limits);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens a workbook held in a seekable stream; the reader owns and disposes it. Without
    /// <paramref name="limits"/> nothing but the XML rules (no DTD) bounds what is read.
    /// </summary>
    public static XlsxReader Open(Stream stream, string? sheet = null, string fileName = "workbook.xlsx", TableLimits? limits = null)
    {
        limits ??= Unbounded;
        var document = OpenDocument(stream, fileName, limits);
        try
        {
            var (part, name) = FindSheet(document, sheet, fileName);
            return new XlsxReader(document, part, name, limits, fileName);
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
        using var document = OpenDocument(stream, Path.GetFileName(path), Unbounded);
        return [.. Sheets(document).Select(s => s.Name)];
    }

    /// <inheritdoc />
    public bool ReadRecord(out string[] fields)
    {
        while (_xml.Read())
        {
            if (_xml.NodeType == XmlNodeType.Element && _xml.LocalName == "row")
            {
                Row = int.TryParse(_xml.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : Row + 1;
                if (Row > _limits.MaxRows)
                {
                    throw TableLimits.TooManyRows(_fileName, _limits.MaxRows);
                }

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
        _xml.Dispose();
        _document.Dispose();
    }

    /// <summary>Reads the cells of the current row into <see cref="_cells"/>, trimmed after the last value; false when it has none.</summary>
    private bool ReadRow()
    {
        _cells.Clear();
        if (_xml.IsEmptyElement)
        {
            return false;
        }

        var column = -1;
        while (_xml.Read())
        {
            if (_xml.NodeType == XmlNodeType.EndElement && _xml.LocalName == "row")
            {
                break;
            }

            if (_xml.NodeType != XmlNodeType.Element || _xml.LocalName != "c")
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
        var column = _xml.GetAttribute("r") is { } reference ? ColumnIndex(reference) ?? next : next;
        if (column >= _limits.MaxColumns)
        {
            throw TableLimits.TooManyColumns(_fileName, Row, _limits.MaxColumns);
        }

        var type = _xml.GetAttribute("t");
        var style = int.TryParse(_xml.GetAttribute("s"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
        if (_xml.IsEmptyElement)
        {
            value = string.Empty;
            return column;
        }

        string? raw = null;
        _text.Clear();
        var inPhonetic = false;
        while (_xml.Read())
        {
            if (_xml.NodeType == XmlNodeType.EndElement)
            {
                if (_xml.LocalName == "c")
                {
                    break;
                }

                inPhonetic &= _xml.LocalName != "rPh";
                continue;
            }

            if (_xml.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            switch (_xml.LocalName)
            {
                case "v":
                    raw = LeafText(_xml, _limits.MaxCellChars, CellTooLong);
                    break;
                case "rPh":
                    inPhonetic = !_xml.IsEmptyElement;
                    break;
                case "t" when !inPhonetic:
                    _text.Append(LeafText(_xml, _limits.MaxCellChars - _text.Length, CellTooLong));
                    break;
            }
        }

        value = Render(type, style, raw);
        return column;
    }

    private Exception CellTooLong() => TableLimits.CellTooLong(_fileName, Row, _limits.MaxCellChars);

    /// <summary>
    /// The text of a leaf element such as v or t; leaves the reader on its end tag. The text is read
    /// in chunks, so a gigabyte-long value is refused by <paramref name="tooLong"/> after
    /// <paramref name="maxChars"/> characters instead of being built whole first.
    /// </summary>
    private static string LeafText(XmlReader xml, long maxChars, Func<Exception> tooLong)
    {
        if (xml.IsEmptyElement)
        {
            return string.Empty;
        }

        string? text = null;
        StringBuilder? more = null;
        char[]? chunk = null;
        while (xml.Read() && xml.NodeType != XmlNodeType.EndElement)
        {
            if (xml.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
            {
                more ??= new StringBuilder();
                if (text is not null)
                {
                    more.Append(text);
                    text = null;
                }

                if (!xml.CanReadValueChunk)
                {
                    more.Append(xml.Value);
                }
                else
                {
                    chunk ??= new char[4096];
                    int read;
                    while ((read = xml.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
                    {
                        more.Append(chunk, 0, read);
                        if (more.Length > maxChars)
                        {
                            throw tooLong();
                        }
                    }
                }

                if (more.Length > maxChars)
                {
                    throw tooLong();
                }
            }
        }

        return more?.ToString() ?? string.Empty;
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

    private List<string> ReadSharedStrings(SharedStringTablePart? part)
    {
        var strings = new List<string>();
        if (part is null)
        {
            return strings;
        }

        using var xml = XmlReader.Create(Limited(part), XmlSettings);
        var text = new StringBuilder();
        var inPhonetic = false;
        long budget = _limits.MaxSharedStringChars;
        Exception TooLarge() => TableLimits.SharedStringsTooLarge(_fileName, _limits.MaxSharedStringChars);
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.EndElement)
            {
                switch (xml.LocalName)
                {
                    case "si":
                        budget -= text.Length + TableLimits.SharedStringOverhead;
                        if (budget < 0)
                        {
                            throw TooLarge();
                        }

                        strings.Add(text.Length == 0 ? string.Empty : XlsxCellText.Unescape(text.ToString()));
                        break;
                    case "rPh":
                        inPhonetic = false;
                        break;
                }

                continue;
            }

            if (xml.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            switch (xml.LocalName)
            {
                case "si":
                    text.Clear();
                    if (xml.IsEmptyElement)
                    {
                        budget -= TableLimits.SharedStringOverhead;
                        if (budget < 0)
                        {
                            throw TooLarge();
                        }

                        strings.Add(string.Empty);
                    }

                    break;
                case "rPh":
                    inPhonetic = !xml.IsEmptyElement;
                    break;
                case "t" when !inPhonetic:
                    var room = _limits.MaxCellChars - text.Length;
                    text.Append(LeafText(xml, Math.Min(budget, room), budget < room ? TooLarge : () => TableLimits.CellTooLong(_fileName, 0, _limits.MaxCellChars)));
                    break;
            }
        }

        return strings;
    }

    /// <summary>A part's stream that refuses to inflate past <see cref="TableLimits.MaxPartBytes"/>.</summary>
    private LimitedReadStream Limited(OpenXmlPart part) => new(
        part.GetStream(FileMode.Open, FileAccess.Read), _limits.MaxPartBytes, () => TableLimits.PartTooLarge(_fileName, part.Uri.ToString(), _limits.MaxPartBytes));

    private static SpreadsheetDocument OpenDocument(Stream stream, string fileName, TableLimits limits)
    {
        CheckPartSizes(stream, fileName, limits);
        try
        {
            var document = SpreadsheetDocument.Open(stream, isEditable: false, new OpenSettings
            {
                // Parts the SDK loads whole (workbook, styles) stop here; sheets and shared strings stream through Limited.
                MaxCharactersInPart = Math.Min(limits.MaxPartBytes, TableLimits.MaxMetadataPartChars),
            });
            if (document.WorkbookPart?.Workbook is null)
            {
                document.Dispose();
                throw Unreadable(fileName);
            }

            return document;
        }
        catch (XmlException ex) when (IsDtd(ex))
        {
            throw TableLimits.DtdProhibited(fileName);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or FileFormatException or XmlException)
        {
            throw Unreadable(fileName);
        }
    }

    /// <summary>True when the XML was refused for declaring a DTD (entities, XXE, "billion laughs").</summary>
    internal static bool IsDtd(XmlException exception) => exception.Message.Contains("DTD", StringComparison.Ordinal);

    /// <summary>
    /// Refuses a package whose directory declares a part larger than the limit before anything is
    /// inflated (a zip bomb that tells the truth); one that lies is stopped by <see cref="Limited"/>.
    /// </summary>
    private static void CheckPartSizes(Stream stream, string fileName, TableLimits limits)
    {
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            foreach (var entry in zip.Entries)
            {
                if (entry.Length > limits.MaxPartBytes)
                {
                    throw TableLimits.PartTooLarge(fileName, entry.FullName, limits.MaxPartBytes);
                }
            }
        }
        catch (InvalidDataException)
        {
            throw Unreadable(fileName);
        }
        finally
        {
            stream.Position = 0;
        }
    }

    /// <summary>No limit but the XML rules: for callers that pass none.</summary>
    private static readonly TableLimits Unbounded = new()
    {
        MaxPartBytes = long.MaxValue,
        MaxSharedStringChars = long.MaxValue,
        MaxCellChars = int.MaxValue,
        MaxColumns = int.MaxValue,
        MaxRows = int.MaxValue,
    };

    private static TableFileException Unreadable(string fileName) => new(new ValidationError(
        "TABLE_XLSX_UNREADABLE",
        $"{fileName}: berkas XLSX rusak atau bukan buku kerja Excel. Buka di Excel lalu simpan ulang sebagai .xlsx atau CSV.",
        $"{fileName}: the XLSX file is damaged or not an Excel workbook. Open it in Excel and save it again as .xlsx or CSV."));

    private static (WorksheetPart Part, string Name) FindSheet(SpreadsheetDocument document, string? sheet, string fileName)
    {
        var sheets = Sheets(document);
        // Templates often hide a sheet of lookup lists; "the first sheet" is the first one a person sees.
        var found = sheet is null
            ? sheets.Find(s => s.Visible) is { Part: not null } visible ? visible : sheets.FirstOrDefault()
            : sheets.Find(s => string.Equals(s.Name.Trim(), sheet.Trim(), StringComparison.OrdinalIgnoreCase));
        if (found.Part is not null)
        {
            return (found.Part, found.Name);
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
    private static List<(WorksheetPart Part, string Name, bool Visible)> Sheets(SpreadsheetDocument document)
    {
        var workbook = document.WorkbookPart!;
        var result = new List<(WorksheetPart, string, bool)>();
        foreach (var sheet in workbook.Workbook.Sheets?.Elements<Sheet>() ?? [])
        {
            if (sheet.Id?.Value is { } id && workbook.TryGetPartById(id, out var part) && part is WorksheetPart worksheet)
            {
                var visible = sheet.State?.Value is null || sheet.State.Value == SheetStateValues.Visible;
                result.Add((worksheet, sheet.Name?.Value ?? string.Empty, visible));
            }
        }

        return result;
    }
}
