using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Lindung.Features.Spreadsheets;

/// <summary>
/// One sheet of an <see cref="XlsxWriter"/> workbook, written row by row. Values are typed by
/// their column (<see cref="XlsxColumnKind"/>): any value for text columns; integral or decimal
/// numbers (long, int, decimal, double, …) for integer, rupiah and percent columns;
/// <see cref="DateOnly"/> or <see cref="DateTime"/> for date columns; null for an empty cell.
/// </summary>
internal sealed class XlsxSheetWriter
{
    /// <summary>The most rows a sheet can hold in Excel.</summary>
    public const int MaxRows = 1_048_576;

    private const int MaxCellText = 32_767;
    private static readonly DateOnly Epoch = new(1899, 12, 30);
    private static readonly DateOnly FirstSerialDate = new(1900, 1, 1);
    private static readonly DateOnly AfterPhantomLeapDay = new(1900, 3, 1);

    private readonly Stream _stream;
    private readonly OpenXmlWriter _writer;
    private readonly IReadOnlyList<XlsxColumn> _columns;
    private readonly string[] _letters;
    private readonly decimal[] _sums;
    private readonly bool _autoFilter;
    private readonly int _headerRow;
    private readonly List<OpenXmlAttribute> _attributes = new(3);

    // Reused for every row and cell: OpenXmlWriter only reads their names.
    private readonly Row _row = new();
    private readonly Cell _cell = new();
    private readonly CellValue _value = new();
    private readonly CellFormula _formula = new();
    private readonly InlineString _inline = new();
    private readonly Text _text = new();

    private int _rowNumber;
    private int _lastDataRow;
    private bool _totalsWritten;
    private bool _finished;

    internal XlsxSheetWriter(Stream stream, string name, IReadOnlyList<XlsxColumn> columns, string? title, string? subtitle, bool freezeHeader, bool autoFilter, bool selected)
    {
        _stream = stream;
        Name = name;
        _columns = [.. columns];
        _letters = [.. Enumerable.Range(0, _columns.Count).Select(ColumnLetters)];
        _sums = new decimal[_columns.Count];
        _autoFilter = autoFilter;
        _headerRow = title is null ? (subtitle is null ? 1 : 3) : (subtitle is null ? 3 : 4);

        _writer = OpenXmlWriter.Create(stream);
        _writer.WriteStartDocument(true);
        _writer.WriteStartElement(new Worksheet());
        WriteView(freezeHeader, selected);
        _writer.WriteElement(new Columns(_columns.Select((c, i) => new Column
        {
            Min = (uint)(i + 1),
            Max = (uint)(i + 1),
            Width = Math.Round(c.EffectiveWidth, 2),
            CustomWidth = true,
        })));
        _writer.WriteStartElement(new SheetData());

        if (title is not null)
        {
            WriteSingle(XlsxStyleSheet.Title, title);
        }

        if (subtitle is not null)
        {
            WriteSingle(XlsxStyleSheet.Subtitle, subtitle);
        }

        _rowNumber = _headerRow - 1;
        StartRow();
        for (var i = 0; i < _columns.Count; i++)
        {
            WriteText(i, XlsxStyleSheet.Header, _columns[i].Header);
        }

        _writer.WriteEndElement();
        _lastDataRow = _headerRow;
    }

    /// <summary>The tab name.</summary>
    public string Name { get; }

    /// <summary>The spreadsheet row number of the row last written (the header's until a row is).</summary>
    public int RowNumber => _rowNumber;

    /// <summary>The header and data range the filter covers, as A4:H120; null without a filter.</summary>
    internal string? FilterRange => _autoFilter ? $"${_letters[0]}${_headerRow}:${_letters[^1]}${_lastDataRow}" : null;

    /// <summary>
    /// Writes one data row: <paramref name="values"/> in column order, fewer than the columns
    /// leaves the rest empty.
    /// </summary>
    /// <exception cref="ArgumentException">More values than columns, or a value that does not fit its column's kind.</exception>
    /// <exception cref="InvalidOperationException">After the totals, past Excel's last row, or once the next sheet was started.</exception>
    public void WriteRow(params ReadOnlySpan<object?> values)
    {
        EnsureOpen();
        if (_totalsWritten)
        {
            throw new InvalidOperationException($"Sheet '{Name}': rows cannot follow the totals row.");
        }

        if (values.Length > _columns.Count)
        {
            throw new ArgumentException($"Sheet '{Name}' has {_columns.Count} columns; row {_rowNumber + 1} has {values.Length} values.", nameof(values));
        }

        StartRow();
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is { } value)
            {
                WriteValue(i, value);
            }
        }

        _writer.WriteEndElement();
        _lastDataRow = _rowNumber;
    }

    /// <summary>
    /// Writes the totals row under the data: <paramref name="label"/> in the first column (when
    /// that column is not summed) and, in every column whose <see cref="XlsxColumn.Sum"/> is set, a
    /// SUM formula over the data rows together with its value, so programs that do not calculate
    /// (viewers, importers, this project's reader) still see the total.
    /// </summary>
    public void WriteTotals(string? label = "Jumlah")
    {
        EnsureOpen();
        if (_totalsWritten)
        {
            throw new InvalidOperationException($"Sheet '{Name}' already has its totals row.");
        }

        _totalsWritten = true;
        var first = _headerRow + 1;
        var last = _lastDataRow;
        StartRow();
        for (var i = 0; i < _columns.Count; i++)
        {
            var column = _columns[i];
            var style = XlsxStyleSheet.Total(column.Kind);
            if (column.Sum)
            {
                BeginCell(i, style, type: null);
                if (last >= first)
                {
                    _writer.WriteStartElement(_formula);
                    _writer.WriteString($"SUM({_letters[i]}{first}:{_letters[i]}{last})");
                    _writer.WriteEndElement();
                }

                WriteCellValue(_sums[i].ToString(CultureInfo.InvariantCulture));
                _writer.WriteEndElement();
            }
            else if (i == 0 && label is not null)
            {
                WriteText(i, XlsxStyleSheet.Total(XlsxColumnKind.Text), label);
            }
            else
            {
                BeginCell(i, style, type: null);
                _writer.WriteEndElement();
            }
        }

        _writer.WriteEndElement();
    }

    /// <summary>Closes the sheet's XML; the workbook calls it when the next sheet starts or it is disposed.</summary>
    internal void Finish()
    {
        if (_finished)
        {
            return;
        }

        _finished = true;
        _writer.WriteEndElement();
        if (_autoFilter)
        {
            _writer.WriteElement(new AutoFilter { Reference = $"{_letters[0]}{_headerRow}:{_letters[^1]}{_lastDataRow}" });
        }

        _writer.WriteEndElement();
        _writer.Close();
        _stream.Dispose();
    }

    internal static string ColumnLetters(int index)
    {
        var letters = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }

    private void EnsureOpen()
    {
        if (_finished)
        {
            throw new InvalidOperationException($"Sheet '{Name}' is finished: a later sheet was added or the workbook was closed.");
        }
    }

    private void WriteView(bool freezeHeader, bool selected)
    {
        var view = new SheetView { WorkbookViewId = 0U, TabSelected = selected ? true : null };
        if (freezeHeader)
        {
            var topLeft = $"A{_headerRow + 1}";
            view.Append(
                new Pane { VerticalSplit = _headerRow, TopLeftCell = topLeft, ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = topLeft, SequenceOfReferences = new ListValue<StringValue>([new StringValue(topLeft)]) });
        }

        _writer.WriteElement(new SheetViews(view));
    }

    private void WriteSingle(int style, string text)
    {
        StartRow();
        WriteText(0, style, text);
        _writer.WriteEndElement();
    }

    private void StartRow()
    {
        if (_rowNumber >= MaxRows)
        {
            throw new InvalidOperationException($"Sheet '{Name}' is full: Excel holds at most {MaxRows:N0} rows. Start another sheet.");
        }

        _rowNumber++;
        _attributes.Clear();
        _attributes.Add(new OpenXmlAttribute("r", string.Empty, _rowNumber.ToString(CultureInfo.InvariantCulture)));
        _writer.WriteStartElement(_row, _attributes);
    }

    private void WriteValue(int column, object value)
    {
        var kind = _columns[column].Kind;
        if (kind == XlsxColumnKind.Text)
        {
            WriteText(column, XlsxStyleSheet.Body(kind), value as string ?? Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty);
            return;
        }

        if (kind == XlsxColumnKind.Date)
        {
            WriteDate(column, value);
            return;
        }

        var number = value switch
        {
            long or int or short or byte or sbyte or ushort or uint or ulong => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
            decimal d => d,
            double or float when Convert.ToDouble(value, CultureInfo.InvariantCulture) is var x && double.IsFinite(x) => (decimal?)(decimal)x,
            _ => null,
        } ?? throw new ArgumentException($"Sheet '{Name}', row {_rowNumber}, column '{_columns[column].Header}': expected a number, got '{value}' ({value.GetType().Name}).", nameof(value));
        _sums[column] += number;
        BeginCell(column, XlsxStyleSheet.Body(kind), type: null);
        WriteCellValue(number.ToString(CultureInfo.InvariantCulture));
        _writer.WriteEndElement();
    }

    private void WriteDate(int column, object value)
    {
        var date = value switch
        {
            DateOnly d => d,
            DateTime t => DateOnly.FromDateTime(t),
            DateTimeOffset o => DateOnly.FromDateTime(o.DateTime),
            _ => throw new ArgumentException($"Sheet '{Name}', row {_rowNumber}, column '{_columns[column].Header}': expected a date, got '{value}' ({value.GetType().Name}).", nameof(value)),
        };
        if (date < FirstSerialDate)
        {
            // Excel has no serial number before 1900; the date stays readable as text.
            WriteText(column, XlsxStyleSheet.Body(XlsxColumnKind.Text), date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
            return;
        }

        // Serials count Excel's phantom 29 February 1900, so dates before March 1900 are one lower.
        var serial = date.DayNumber - Epoch.DayNumber - (date < AfterPhantomLeapDay ? 1 : 0);
        BeginCell(column, XlsxStyleSheet.Body(XlsxColumnKind.Date), type: null);
        WriteCellValue(serial.ToString(CultureInfo.InvariantCulture));
        _writer.WriteEndElement();
    }

    private void WriteText(int column, int style, string text)
    {
        if (text.Length > MaxCellText)
        {
            throw new ArgumentException($"Sheet '{Name}', row {_rowNumber}, column '{_columns[column].Header}': {text.Length:N0} characters; a cell holds at most {MaxCellText:N0}.", nameof(text));
        }

        BeginCell(column, style, type: "inlineStr");
        _writer.WriteStartElement(_inline);
        _attributes.Clear();
        if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
        {
            _attributes.Add(new OpenXmlAttribute("xml", "space", "http://www.w3.org/XML/1998/namespace", "preserve"));
        }

        _writer.WriteStartElement(_text, _attributes);
        _writer.WriteString(XlsxCellText.Escape(text));
        _writer.WriteEndElement();
        _writer.WriteEndElement();
        _writer.WriteEndElement();
    }

    private void BeginCell(int column, int style, string? type)
    {
        _attributes.Clear();
        _attributes.Add(new OpenXmlAttribute("r", string.Empty, string.Concat(_letters[column], _rowNumber.ToString(CultureInfo.InvariantCulture))));
        _attributes.Add(new OpenXmlAttribute("s", string.Empty, style.ToString(CultureInfo.InvariantCulture)));
        if (type is not null)
        {
            _attributes.Add(new OpenXmlAttribute("t", string.Empty, type));
        }

        _writer.WriteStartElement(_cell, _attributes);
    }

    private void WriteCellValue(string text)
    {
        _writer.WriteStartElement(_value);
        _writer.WriteString(text);
        _writer.WriteEndElement();
    }
}
