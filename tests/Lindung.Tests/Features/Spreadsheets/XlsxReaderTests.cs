using Lindung.Domain.Areas;
using Lindung.Domain.Identifiers;
using Lindung.Features.Imports;
using Lindung.Features.Spreadsheets;
using Lindung.Tests.Infrastructure;

namespace Lindung.Tests.Features.Spreadsheets;

public class XlsxReaderTests
{
    /// <summary>Each record as "row: cell|cell|…", so a failure shows the cells.</summary>
    private static List<string> ReadAll(ITableReader reader)
    {
        var rows = new List<string>();
        while (reader.ReadRecord(out var fields))
        {
            rows.Add($"{reader.Row}: {string.Join('|', fields)}");
        }

        return rows;
    }

    [Fact]
    public void Shared_inline_boolean_and_number_cells_read_as_text_with_sparse_columns_and_sheet_row_numbers()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "roster.xlsx");
        DomWorkbook.Write(
            path,
            [("Data", """
                <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>
                <row r="2"><c r="A2" t="inlineStr"><is><t>3577011203900001</t></is></c><c r="B2" t="s"><v>4</v></c><c r="C2"><v>3000000</v></c><c r="D2" t="b"><v>1</v></c></row>
                <row r="3"><c r="B3" t="s"><v>5</v></c><c r="D3" t="b"><v>0</v></c></row>
                <row r="4" ht="20" customHeight="1"><c r="A4" s="0"/><c r="B4" t="inlineStr"><is><r><t>Siti </t></r><r><rPr><b/></rPr><t xml:space="preserve">Aminah </t></r></is></c><c r="C4"><v>2500000.5</v></c></row>
                <row r="6"><c r="A6" t="str"><f>CONCAT("a","b")</f><v>ab</v></c></row>
                <row r="7"><c r="A7" s="0"/><c r="B7" s="0"/></row>
                <row r="8"/>
                """)],
            sharedStrings: """
                <si><t>NIK</t></si><si><t>Nama</t></si><si><t>Gaji</t></si><si><t>Aktif</t></si>
                <si><r><t>Ma’ruf</t></r><r><t xml:space="preserve"> Amin</t></r><rPh sb="0" eb="1"><t>マ</t></rPh></si>
                <si><t>Nur'aini_x000D_</t></si>
                """);

        using var reader = TableReader.Open(path);
        var rows = ReadAll(reader);

        Assert.IsType<XlsxReader>(reader);
        Assert.Equal(["NIK", "Nama", "Gaji", "Aktif"], reader.Header);
        Assert.Equal(
            [
                "2: 3577011203900001|Ma’ruf Amin|3000000|TRUE",
                "3: |Nur'aini\r||FALSE",
                "4: |Siti Aminah |2500000.5|",
                "6: ab|||",
            ],
            rows);
    }

    [Fact]
    public void Cells_without_references_follow_one_another()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "plain.xlsx");
        DomWorkbook.Write(path, [("S", """
            <row><c t="inlineStr"><is><t>a</t></is></c><c t="inlineStr"><is><t>b</t></is></c></row>
            <row><c><v>1</v></c><c r="C2"><v>3</v></c><c><v>4</v></c></row>
            """)]);

        using var reader = XlsxReader.Open(path);
        Assert.Equal(["2: 1||3|4"], ReadAll(reader));
    }

    [Fact]
    public void Date_styled_numbers_read_as_iso_dates_and_other_formats_stay_numbers()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "dates.xlsx");
        // Styles: 0 General, 1 built-in 14, 2 custom dd/mm/yyyy, 3 custom Indonesian long date,
        // 4 time h:mm (not a date), 5 "Rp" #,##0 (not a date), 6 built-in 22 (date and time).
        DomWorkbook.Write(
            path,
            [("S", """
                <row r="1"><c r="A1" t="inlineStr"><is><t>v</t></is></c></row>
                <row r="2"><c r="A2" s="1"><v>32944</v></c><c r="B2" s="2"><v>31213</v></c><c r="C2" s="3"><v>45658</v></c><c r="D2" s="4"><v>0.5</v></c><c r="E2" s="5"><v>2500000</v></c><c r="F2" s="6"><v>45658.75</v></c><c r="G2" s="1"><v>1</v></c><c r="H2"><v>32944</v></c></row>
                """)],
            styles: """
                <numFmts count="4">
                  <numFmt numFmtId="164" formatCode="dd/mm/yyyy"/>
                  <numFmt numFmtId="165" formatCode="[$-421]d mmmm yyyy;@"/>
                  <numFmt numFmtId="166" formatCode="h:mm"/>
                  <numFmt numFmtId="167" formatCode="&quot;Rp&quot; #,##0"/>
                </numFmts>
                <cellXfs count="7">
                  <xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/>
                  <xf numFmtId="165" applyNumberFormat="1"/><xf numFmtId="166" applyNumberFormat="1"/><xf numFmtId="167" applyNumberFormat="1"/>
                  <xf numFmtId="22" applyNumberFormat="1"/>
                </cellXfs>
                """);

        using var reader = XlsxReader.Open(path);
        Assert.True(reader.ReadRecord(out var row));

        Assert.Equal(["1990-03-12", "1985-06-15", "2025-01-01", "0.5", "2500000", "2025-01-01", "1900-01-01", "32944"], row);
    }

    [Theory]
    [InlineData("dd/mm/yyyy", true)]
    [InlineData("[$-421]dd mmmm yyyy", true)]
    [InlineData("mmm-yy", true)]
    [InlineData("yyyy\"年\"m\"月\"", true)]
    [InlineData("h:mm:ss", false)]
    [InlineData("mm:ss", false)]
    [InlineData("\"Rp\" #,##0", false)]
    [InlineData("[Red]#,##0.00", false)]
    [InlineData("0.00E+00", false)]
    [InlineData("General", false)]
    [InlineData("\"day\" 0", false)]
    public void Custom_formats_are_dates_when_they_use_day_month_or_year(string code, bool isDate) =>
        Assert.Equal(isDate, XlsxDateStyles.IsDateFormat(code));

    [Fact]
    public void A_numeric_nik_keeps_its_digits_and_one_rounded_by_excel_reads_as_scientific_notation()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "nik.xlsx");
        // What Excel stores after a 16-digit NIK is typed into a General cell: 15 significant digits.
        DomWorkbook.Write(path, [("S", """
            <row r="1"><c r="A1" t="inlineStr"><is><t>nik</t></is></c></row>
            <row r="2"><c r="A2"><v>3577011203900001</v></c></row>
            <row r="3"><c r="A3"><v>3577011203900000</v></c></row>
            <row r="4"><c r="A4"><v>3.57701120390001E+15</v></c></row>
            <row r="5"><c r="A5"><v>9171011203900001</v></c></row>
            <row r="6"><c r="A6"><v>1.2E+3</v></c></row>
            """)]);

        using var reader = XlsxReader.Open(path);
        var values = ReadAll(reader).Select(r => r[(r.IndexOf(' ', StringComparison.Ordinal) + 1)..]).ToList();

        Assert.Equal(["3577011203900001", "3.57701E+15", "3.57701E+15", "9171011203900001", "1200"], values);
        var validator = new NikValidator(AreaDirectory.Embedded);
        var today = new DateOnly(2026, 1, 1);
        Assert.True(validator.Check(values[0], today).IsValid);
        Assert.Equal(NikErrors.ScientificNotation, Assert.Single(validator.Check(values[1], today).Errors));
    }

    [Fact]
    public void A_sheet_is_picked_by_name_and_a_missing_one_is_an_error_listing_the_sheets()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "book.xlsx");
        DomWorkbook.Write(path, [
            ("Petunjuk", """<row r="1"><c r="A1" t="inlineStr"><is><t>Isi lembar Data</t></is></c></row>"""),
            ("Data Pegawai", """<row r="3"><c r="B3" t="inlineStr"><is><t>nik</t></is></c></row><row r="4"><c r="B4" t="inlineStr"><is><t>x</t></is></c></row>"""),
        ]);

        using (var first = XlsxReader.Open(path))
        {
            Assert.Equal(["Isi lembar Data"], first.Header);
        }

        using (var named = TableReader.Open(path, "data pegawai"))
        {
            Assert.Equal(["", "nik"], named.Header);
            Assert.Equal(["4: |x"], ReadAll(named));
        }

        Assert.Equal(["Petunjuk", "Data Pegawai"], XlsxReader.SheetNames(path));
        var error = Assert.Throws<TableFileException>(() => TableReader.Open(path, "Sheet1"));
        Assert.Equal("TABLE_XLSX_SHEET_NOT_FOUND", error.Error.Code);
        Assert.Contains("'Petunjuk', 'Data Pegawai'", error.Error.MessageEn, StringComparison.Ordinal);
        Assert.Contains("'Petunjuk', 'Data Pegawai'", error.Error.MessageId, StringComparison.Ordinal);
        Assert.Contains("Sheet1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_factory_goes_by_content_not_by_extension()
    {
        using var dir = new TempDirectory();
        var disguised = Path.Combine(dir.Path, "roster.csv");
        DomWorkbook.Write(disguised, [("S", """<row r="1"><c r="A1" t="inlineStr"><is><t>nik</t></is></c></row>""")]);
        var csv = Path.Combine(dir.Path, "roster.xlsx");
        File.WriteAllText(csv, "nik;nama\n1;a\n");
        var xls = Path.Combine(dir.Path, "old.xls");
        File.WriteAllBytes(xls, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]);
        var broken = Path.Combine(dir.Path, "broken.xlsx");
        File.WriteAllBytes(broken, [(byte)'P', (byte)'K', 3, 4, 0, 0, 0]);

        using (var reader = TableReader.Open(disguised))
        {
            Assert.IsType<XlsxReader>(reader);
            Assert.Equal(["nik"], reader.Header);
        }

        using (var reader = TableReader.Open(csv))
        {
            Assert.IsType<CsvReader>(reader);
            Assert.Equal(["nik", "nama"], reader.Header);
        }

        Assert.Equal("TABLE_XLS_UNSUPPORTED", Assert.Throws<TableFileException>(() => TableReader.Open(xls)).Error.Code);
        Assert.Equal("TABLE_XLSX_UNREADABLE", Assert.Throws<TableFileException>(() => TableReader.Open(broken)).Error.Code);
    }
}
