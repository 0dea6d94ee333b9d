using System.Text;
using Lindung.Domain.Validation;
using Lindung.Features.Imports;
using Lindung.Features.Spreadsheets;
using Lindung.Fuzz;
using Lindung.Tests.Infrastructure;

// The test namespace mirrors src/Lindung/Features/Imports; "Imports" is only a keyword in VB.
#pragma warning disable CA1716
namespace Lindung.Tests.Features.Imports;
#pragma warning restore CA1716

/// <summary>
/// The import opener (<see cref="TableReader.Open(string, string?, TableLimits)"/>) against files
/// that break a limit or the format: each is refused with its own named code while the file streams,
/// and nothing but a <see cref="TableFileException"/> ever comes out of it.
/// </summary>
public sealed class TableLimitsTests
{
    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    private static readonly string[][] Roster =
    [
        ["nik", "nama", "upah"],
        ["3577011203900001", "Siti Rahayu", "2500000"],
        ["3577014408920001", "Budi Santoso", "3000000"],
    ];

    /// <summary>Opens and reads the whole file under <paramref name="limits"/>; the error it was refused with, or null.</summary>
    private static ValidationError? Refusal(string path, TableLimits limits)
    {
        try
        {
            using var reader = TableReader.Open(path, null, limits);
            while (reader.ReadRecord(out _))
            {
            }

            return null;
        }
        catch (TableFileException exception)
        {
            return exception.Error;
        }
    }

    private static string Csv(TempDirectory dir, string text) => Bytes(dir, "daftar.csv", Encoding.UTF8.GetBytes(text));

    private static string Bytes(TempDirectory dir, string name, byte[] content)
    {
        var path = Path.Combine(dir.Path, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    private static string Xlsx(TempDirectory dir, List<(string Name, object Content)> parts) => Bytes(dir, "daftar.xlsx", TinyXlsx.Build(parts));

    private static List<(string Name, object Content)> Replace(List<(string Name, object Content)> parts, string name, object content) =>
        [.. parts.Select(p => p.Name == name ? (p.Name, content) : p)];

    /// <summary>A roster whose cells are shared strings, as Excel writes them.</summary>
    private static List<(string Name, object Content)> SharedStringRoster(List<string> strings)
    {
        var rows = string.Concat(Enumerable.Range(0, (strings.Count + 2) / 3).Select(r =>
            $"<row r=\"{r + 1}\">" + string.Concat(strings.Select((_, i) => i).Where(i => i / 3 == r).Select(i => $"<c r=\"{(char)('A' + (i % 3))}{r + 1}\" t=\"s\"><v>{i}</v></c>")) + "</row>"));
        return Replace(Replace(TinyXlsx.Parts(Roster), TinyXlsx.Sheet, TinyXlsx.SheetXmlRaw(rows)), TinyXlsx.SharedStrings, TinyXlsx.SharedStringsXml(strings));
    }

    [Fact]
    public void Valid_files_read_under_the_default_limits()
    {
        using var dir = new TempDirectory();
        Assert.Null(Refusal(Csv(dir, "nik,nama,upah\n3577011203900001,Siti Rahayu,2500000\n"), TableLimits.Default));
        Assert.Null(Refusal(Xlsx(dir, TinyXlsx.Parts(Roster)), TableLimits.Default));
        Assert.Null(Refusal(Xlsx(dir, SharedStringRoster(["nik", "nama", "upah", "1", "Siti", "2"])), TableLimits.Default));
    }

    [Fact]
    public void A_csv_cell_over_the_limit_is_refused_while_it_streams()
    {
        using var dir = new TempDirectory();
        var limits = new TableLimits { MaxCellChars = 20 };
        Assert.Null(Refusal(Csv(dir, "nik,nama\n1," + new string('A', 20) + "\n"), limits));

        // Unquoted, quoted and a field longer than the read buffer without any delimiter.
        Assert.Equal("TABLE_CELL_TOO_LONG", Refusal(Csv(dir, "nik,nama\n1," + new string('A', 21) + "\n"), limits)?.Code);
        Assert.Equal("TABLE_CELL_TOO_LONG", Refusal(Csv(dir, "nik,nama\n1,\"" + new string('A', 21) + "\"\n"), limits)?.Code);
        var error = Refusal(Csv(dir, "nik,nama\n1," + new string('A', 1_000_000)), limits);
        Assert.Equal("TABLE_CELL_TOO_LONG", error?.Code);
        Assert.Contains("baris 2", error!.MessageId, StringComparison.Ordinal);
        Assert.Contains("row 2", error.MessageEn, StringComparison.Ordinal);
    }

    [Fact]
    public void A_csv_row_with_too_many_columns_is_refused()
    {
        using var dir = new TempDirectory();
        var limits = new TableLimits { MaxColumns = 5 };
        Assert.Null(Refusal(Csv(dir, "a,b,c,d,e\n1,2,3,4,5\n"), limits));
        Assert.Equal("TABLE_TOO_MANY_COLUMNS", Refusal(Csv(dir, "a,b,c,d,e\n1,2,3,4,5,6\n"), limits)?.Code);
        Assert.Equal("TABLE_TOO_MANY_COLUMNS", Refusal(Csv(dir, "a,b,c,d,e\n" + new string(',', 100_000) + "\n"), limits)?.Code);
    }

    [Fact]
    public void A_csv_file_with_too_many_rows_is_refused()
    {
        using var dir = new TempDirectory();
        var limits = new TableLimits { MaxRows = 4 };
        Assert.Null(Refusal(Csv(dir, "a,b\n1,2\n3,4\n5,6\n"), limits));
        Assert.Equal("TABLE_TOO_MANY_ROWS", Refusal(Csv(dir, "a,b\n1,2\n3,4\n5,6\n7,8\n"), limits)?.Code);
    }

    [Fact]
    public void A_csv_file_must_be_utf8_text()
    {
        using var dir = new TempDirectory();
        var path = Bytes(dir, "daftar.csv", Windows1252.GetBytes("nik;nama\n3577011203900001;Désirée\n"));
        var error = Refusal(path, TableLimits.Default);
        Assert.Equal("TABLE_CSV_NOT_UTF8", error?.Code);
        Assert.Contains("CSV UTF-8", error!.MessageId, StringComparison.Ordinal);

        Assert.Equal("TABLE_CSV_BINARY", Refusal(Bytes(dir, "gambar.csv", [0x89, (byte)'P', (byte)'N', (byte)'G', 0, 0, 0, 13, 1, 2]), TableLimits.Default)?.Code);
        Assert.Null(Refusal(Bytes(dir, "utf8.csv", Encoding.UTF8.GetBytes("nik,nama\n3577011203900001,Désirée\n")), TableLimits.Default));

        // Without limits (the registry's own readers) a Windows-1252 file still reads.
        using var lenient = TableReader.Open(path);
        Assert.Equal(["nik", "nama"], lenient.Header);
    }

    [Fact]
    public void An_xlsx_part_larger_than_the_limit_is_refused()
    {
        using var dir = new TempDirectory();
        var rows = Enumerable.Range(0, 50).Select(i => new[] { "3577011203900001", "Pekerja " + i, "2500000" }).Prepend(Roster[0]);
        var path = Xlsx(dir, TinyXlsx.Parts(rows));
        var error = Refusal(path, new TableLimits { MaxPartBytes = 4096 });
        Assert.Equal("TABLE_XLSX_PART_TOO_LARGE", error?.Code);
        Assert.Contains("sheet1.xml", error!.MessageEn, StringComparison.Ordinal);
        Assert.Null(Refusal(path, new TableLimits { MaxPartBytes = 64 * 1024 }));
    }

    [Fact]
    public void A_part_that_inflates_past_what_its_zip_header_declares_is_stopped_at_the_limit()
    {
        using var inner = new MemoryStream(new byte[10_000]);
        using var limited = new LimitedReadStream(inner, 4096, () => new InvalidDataException("too large"));
        var buffer = new byte[1000];
        var read = 0;
        var exception = Assert.Throws<InvalidDataException>(() =>
        {
            int n;
            while ((n = limited.Read(buffer, 0, buffer.Length)) > 0)
            {
                read += n;
            }
        });
        Assert.Equal("too large", exception.Message);
        Assert.InRange(read, 4000, 4096);
    }

    [Fact]
    public void Shared_strings_over_their_total_are_refused()
    {
        using var dir = new TempDirectory();
        var strings = Enumerable.Range(0, 30).Select(i => $"teks-{i:D4}").ToList();
        var path = Xlsx(dir, SharedStringRoster(strings));
        Assert.Null(Refusal(path, new TableLimits { MaxSharedStringChars = 1_000 }));
        Assert.Equal("TABLE_SHARED_STRINGS_TOO_LARGE", Refusal(path, new TableLimits { MaxSharedStringChars = 200 })?.Code);

        // Empty strings still count their slot: a million <si/> are not free.
        var empty = Xlsx(dir, Replace(TinyXlsx.Parts(Roster), TinyXlsx.SharedStrings, TinyXlsx.SharedStringsXml([]).Replace("</sst>", string.Concat(Enumerable.Repeat("<si/>", 100)) + "</sst>", StringComparison.Ordinal)));
        Assert.Equal("TABLE_SHARED_STRINGS_TOO_LARGE", Refusal(empty, new TableLimits { MaxSharedStringChars = 500 })?.Code);
    }

    [Fact]
    public void An_xlsx_cell_over_the_limit_is_refused_inline_or_shared()
    {
        using var dir = new TempDirectory();
        var limits = new TableLimits { MaxCellChars = 50 };
        string[][] longInline = [Roster[0], ["3577011203900001", new string('A', 51), "1"]];
        Assert.Equal("TABLE_CELL_TOO_LONG", Refusal(Xlsx(dir, TinyXlsx.Parts(longInline)), limits)?.Code);
        Assert.Equal("TABLE_CELL_TOO_LONG", Refusal(Xlsx(dir, SharedStringRoster(["nik", "nama", new string('B', 51)])), limits)?.Code);
        var number = Xlsx(dir, Replace(TinyXlsx.Parts(Roster), TinyXlsx.Sheet, TinyXlsx.SheetXmlRaw("<row r=\"1\"><c r=\"A1\"><v>" + new string('9', 51) + "</v></c></row>")));
        Assert.Equal("TABLE_CELL_TOO_LONG", Refusal(number, limits)?.Code);
        string[][] fits = [Roster[0], ["3577011203900001", new string('A', 50), "1"]];
        Assert.Null(Refusal(Xlsx(dir, TinyXlsx.Parts(fits)), limits));
    }

    [Fact]
    public void An_xlsx_cell_beyond_the_column_limit_or_a_row_beyond_the_row_limit_is_refused()
    {
        using var dir = new TempDirectory();
        var far = Xlsx(dir, Replace(TinyXlsx.Parts(Roster), TinyXlsx.Sheet, TinyXlsx.SheetXmlRaw(
            "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>nik</t></is></c></row><row r=\"2\"><c r=\"ZZZ2\"><v>1</v></c></row>")));
        var error = Refusal(far, TableLimits.Default);
        Assert.Equal("TABLE_TOO_MANY_COLUMNS", error?.Code);
        Assert.Contains("row 2", error!.MessageEn, StringComparison.Ordinal);
        Assert.Null(Refusal(far, new TableLimits { MaxColumns = 20_000 }));

        var deep = Xlsx(dir, Replace(TinyXlsx.Parts(Roster), TinyXlsx.Sheet, TinyXlsx.SheetXmlRaw(
            "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>nik</t></is></c></row><row r=\"2000001\"><c r=\"A2000001\"><v>1</v></c></row>")));
        Assert.Equal("TABLE_TOO_MANY_ROWS", Refusal(deep, TableLimits.Default)?.Code);
        Assert.Null(Refusal(deep, new TableLimits { MaxRows = 3_000_000 }));
    }

    [Fact]
    public void A_dtd_anywhere_in_the_workbook_is_refused()
    {
        using var dir = new TempDirectory();
        const string Dtd = "<!DOCTYPE x [<!ENTITY e \"entity\">]>";
        Assert.Equal("TABLE_XLSX_DTD_PROHIBITED", Refusal(Xlsx(dir, Replace(TinyXlsx.Parts(Roster), TinyXlsx.Sheet, TinyXlsx.SheetXml(Roster, Dtd))), TableLimits.Default)?.Code);
        Assert.Equal("TABLE_XLSX_DTD_PROHIBITED", Refusal(Xlsx(dir, Replace(TinyXlsx.Parts(Roster), TinyXlsx.SharedStrings, TinyXlsx.SharedStringsXml(["&e;"], Dtd))), TableLimits.Default)?.Code);
        Assert.Equal("TABLE_XLSX_DTD_PROHIBITED", Refusal(Xlsx(dir, Replace(TinyXlsx.Parts(Roster), TinyXlsx.Workbook, TinyXlsx.WorkbookXml(Dtd))), TableLimits.Default)?.Code);
    }

    [Fact]
    public void Damaged_workbooks_are_named_errors_never_other_exceptions()
    {
        using var dir = new TempDirectory();
        var valid = TinyXlsx.Build(TinyXlsx.Parts(Roster));
        Assert.Equal("TABLE_XLSX_UNREADABLE", Refusal(Bytes(dir, "rusak.xlsx", [.. "PK\u0003\u0004"u8, .. Encoding.ASCII.GetBytes(new string('x', 500))]), TableLimits.Default)?.Code);
        Assert.Equal("TABLE_XLSX_UNREADABLE", Refusal(Bytes(dir, "potong.xlsx", valid[..(valid.Length / 2)]), TableLimits.Default)?.Code);

        // Every truncation and a few hundred bit flips: each reads or is refused by a TABLE_ code.
        var random = new Random(16);
        var codes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 300; i++)
        {
            var bytes = (byte[])valid.Clone();
            if (i % 3 == 0)
            {
                bytes = bytes[..random.Next(bytes.Length)];
            }
            else
            {
                for (var flips = random.Next(1, 6); flips > 0; flips--)
                {
                    bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
                }
            }

            var path = Bytes(dir, "acak.xlsx", bytes);
            var error = Refusal(path, TableLimits.Default);
            if (error is not null)
            {
                Assert.StartsWith("TABLE_", error.Code, StringComparison.Ordinal);
                Assert.False(string.IsNullOrWhiteSpace(error.MessageId));
                codes.Add(error.Code);
            }
        }

        Assert.Contains("TABLE_XLSX_UNREADABLE", codes);
    }
}
