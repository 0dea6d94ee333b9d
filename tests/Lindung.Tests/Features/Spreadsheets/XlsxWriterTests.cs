using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Lindung.Features.Imports;
using Lindung.Features.Spreadsheets;
using Lindung.Tests.Infrastructure;

namespace Lindung.Tests.Features.Spreadsheets;

public class XlsxWriterTests
{
    private static readonly XlsxColumn[] Columns =
    [
        new("NIK", Width: 20),
        new("Nama"),
        new("Tanggal Lahir", XlsxColumnKind.Date),
        new("Pekerja", XlsxColumnKind.Integer),
        new("Upah", XlsxColumnKind.Rupiah),
        new("Cakupan", XlsxColumnKind.Percent),
    ];

    [Fact]
    public void Written_rows_read_back_as_the_same_text()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "roundtrip.xlsx");
        using (var book = XlsxWriter.Create(path))
        {
            var sheet = book.AddSheet("Pekerja", Columns);
            sheet.WriteRow("3577011203900001", "Ma’ruf Amin", new DateOnly(1990, 3, 12), 1, 3_000_000L, 0.125);
            sheet.WriteRow("0012", "Nur'aini <&> \"Siti\"", new DateTime(1900, 1, 1, 8, 30, 0, DateTimeKind.Unspecified), 12_345_678, 2_500_000.00m, 1m);
            sheet.WriteRow(" Sri Wahyuni ", "baris\nbaru _x0041_ \u0001", new DateOnly(1899, 12, 31), null, null);
            sheet.WriteRow("O'Brien", null, new DateOnly(1900, 3, 1), -7, 0L, 0.0005);
        }

        Assert.Empty(Validate(path));
        using var reader = TableReader.Open(path);
        Assert.Equal(["NIK", "Nama", "Tanggal Lahir", "Pekerja", "Upah", "Cakupan"], reader.Header);
        var rows = new List<string>();
        while (reader.ReadRecord(out var fields))
        {
            rows.Add($"{reader.Row}: {string.Join('|', fields)}");
        }

        Assert.Equal(
            [
                "2: 3577011203900001|Ma’ruf Amin|1990-03-12|1|3000000|0.125",
                "3: 0012|Nur'aini <&> \"Siti\"|1900-01-01|12345678|2500000|1",
                "4:  Sri Wahyuni |baris\nbaru _x0041_ \u0001|31/12/1899|||",
                "5: O'Brien||1900-03-01|-7|0|0.0005",
            ],
            rows);
    }

    [Fact]
    public void A_report_has_its_title_styles_frozen_header_filter_widths_and_totals_with_cached_values()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "report.xlsx");
        using (var book = XlsxWriter.Create(path))
        {
            var gaps = book.AddSheet("Kesenjangan", Columns, title: "Pekerja belum terlindungi", subtitle: "Kota Madiun, Mei 2026");
            gaps.WriteRow("3577011203900001", "Budi Santoso", new DateOnly(1990, 3, 12), 2, 3_000_000L, 0.5);
            gaps.WriteRow("3577015506850003", "Siti Aminah", new DateOnly(1985, 6, 15), 3, 2_000_500L, 0.25);
            gaps.WriteTotals();
            var empty = book.AddSheet("Ringkasan 'OPD' kota", [new("OPD"), new("Pekerja", XlsxColumnKind.Integer)], freezeHeader: false);
            empty.WriteTotals("Total");
        }

        Assert.Empty(Validate(path));
        using var document = SpreadsheetDocument.Open(path, isEditable: false);
        var workbook = document.WorkbookPart!;
        Assert.Equal(["Kesenjangan", "Ringkasan 'OPD' kota"], workbook.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value));
        var sheet = Worksheet(workbook, "Kesenjangan");
        var cells = sheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!);
        var formats = workbook.WorkbookStylesPart!.Stylesheet!;
        var xfs = formats.CellFormats!.Elements<CellFormat>().ToList();
        var fonts = formats.Fonts!.Elements<Font>().ToList();
        string FormatOf(string cell) => formats.NumberingFormats!.Elements<NumberingFormat>()
            .Single(f => f.NumberFormatId!.Value == xfs[(int)cells[cell].StyleIndex!.Value].NumberFormatId!.Value).FormatCode!.Value!;
        Font FontOf(string cell) => fonts[(int)xfs[(int)cells[cell].StyleIndex!.Value].FontId!.Value];

        // Title, subtitle, a blank row, then the bold filled header on row 4.
        Assert.Equal("Pekerja belum terlindungi", cells["A1"].InnerText);
        Assert.NotNull(FontOf("A1").Bold);
        Assert.Equal(14, FontOf("A1").FontSize!.Val!.Value);
        Assert.Equal("Kota Madiun, Mei 2026", cells["A2"].InnerText);
        Assert.DoesNotContain(cells.Keys, k => k.EndsWith('3') && k.Length == 2);
        Assert.Equal("Upah", cells["E4"].InnerText);
        Assert.NotNull(FontOf("E4").Bold);
        Assert.True(xfs[(int)cells["E4"].StyleIndex!.Value].FillId!.Value > 1);

        // NIKs are text in Text-formatted cells; numbers carry their formats.
        Assert.Equal(CellValues.InlineString, cells["A5"].DataType!.Value);
        Assert.Equal(49U, xfs[(int)cells["A5"].StyleIndex!.Value].NumberFormatId!.Value);
        Assert.Equal(3U, xfs[(int)cells["D5"].StyleIndex!.Value].NumberFormatId!.Value);
        Assert.Equal("\"Rp\"\\ #,##0", FormatOf("E5"));
        Assert.Equal("0.0%", FormatOf("F5"));
        Assert.Equal("dd/mm/yyyy", FormatOf("C5"));
        Assert.Equal("32944", cells["C5"].CellValue!.Text);

        // Totals: the label, SUM formulas with their values, nothing for unsummed columns.
        Assert.Equal("Jumlah", cells["A7"].InnerText);
        Assert.Equal("SUM(D5:D6)", cells["D7"].CellFormula!.Text);
        Assert.Equal("5", cells["D7"].CellValue!.Text);
        Assert.Equal("SUM(E5:E6)", cells["E7"].CellFormula!.Text);
        Assert.Equal("5000500", cells["E7"].CellValue!.Text);
        Assert.Null(cells["F7"].CellFormula);
        Assert.NotNull(FontOf("E7").Bold);

        var pane = sheet.Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal(4, pane.VerticalSplit!.Value);
        Assert.Equal("A5", pane.TopLeftCell!.Value);
        Assert.Equal("A4:F6", sheet.Descendants<AutoFilter>().Single().Reference!.Value);
        Assert.Equal(20, sheet.Descendants<Column>().First().Width!.Value);
        var filter = workbook.Workbook.DefinedNames!.Elements<DefinedName>().First();
        Assert.Equal("_xlnm._FilterDatabase", filter.Name!.Value);
        Assert.Equal("'Kesenjangan'!$A$4:$F$6", filter.Text);

        // A sheet without data rows: a zero total and no formula over an empty range.
        var summary = Worksheet(workbook, "Ringkasan 'OPD' kota");
        Assert.Empty(summary.Descendants<Pane>());
        var total = summary.Descendants<Cell>().Single(c => c.CellReference!.Value == "B2");
        Assert.Null(total.CellFormula);
        Assert.Equal("0", total.CellValue!.Text);
        Assert.Equal("'Ringkasan ''OPD'' kota'!$A$1:$B$1", workbook.Workbook.DefinedNames!.Elements<DefinedName>().Last().Text);
    }

    [Fact]
    public void Two_hundred_thousand_rows_stream_out_and_back_in()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "large.xlsx");
        const int Count = 200_000;
        var birth = new DateOnly(1980, 1, 1);
        using (var book = XlsxWriter.Create(path))
        {
            var sheet = book.AddSheet("Data", Columns);
            for (var i = 1; i <= Count; i++)
            {
                sheet.WriteRow($"3577{i:D12}", $"Pekerja {i}", birth.AddDays(i % 10_000), i, 1_000L * i, i / (double)Count);
            }

            sheet.WriteTotals();
        }

        using var reader = XlsxReader.Open(path);
        var read = 0;
        string[] last = [];
        var lastRow = 0;
        while (reader.ReadRecord(out var fields))
        {
            read++;
            last = fields;
            lastRow = reader.Row;
        }

        // The totals row comes last: label, sums of 1..n and 1000·(1..n).
        Assert.Equal(Count + 1, read);
        Assert.Equal(Count + 2, lastRow);
        const long Sum = (long)Count * (Count + 1) / 2;
        Assert.Equal(["Jumlah", "", "", Sum.ToString(System.Globalization.CultureInfo.InvariantCulture), (Sum * 1000).ToString(System.Globalization.CultureInfo.InvariantCulture), ""], last);
    }

    [Fact]
    public void Misuse_is_refused_with_the_sheet_row_and_column()
    {
        using var stream = new MemoryStream();
        using var book = XlsxWriter.Create(stream, leaveOpen: true);
        Assert.Throws<ArgumentException>(() => book.AddSheet("a/b", Columns));
        Assert.Throws<ArgumentException>(() => book.AddSheet(new string('x', 32), Columns));
        var sheet = book.AddSheet("Data", Columns);
        Assert.Throws<ArgumentException>(() => book.AddSheet("DATA", Columns));
        var wrong = Assert.Throws<ArgumentException>(() => sheet.WriteRow("1", "a", new DateOnly(2000, 1, 1), "banyak"));
        Assert.Contains("row 2, column 'Pekerja'", wrong.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => sheet.WriteRow("1", "a", "kemarin"));
        Assert.Throws<ArgumentException>(() => sheet.WriteRow(1, 2, 3, 4, 5, 6, 7));
        sheet.WriteTotals();
        Assert.Throws<InvalidOperationException>(() => sheet.WriteRow("1"));
        book.AddSheet("Lain", Columns);
        Assert.Throws<InvalidOperationException>(() => sheet.WriteTotals());
    }

    private static List<string> Validate(string path)
    {
        using var document = SpreadsheetDocument.Open(path, isEditable: false);
        return [.. new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}")];
    }

    private static Worksheet Worksheet(WorkbookPart workbook, string name)
    {
        var id = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name).Id!.Value!;
        return ((WorksheetPart)workbook.GetPartById(id)).Worksheet!;
    }
}
