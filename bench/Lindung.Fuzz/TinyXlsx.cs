using System.IO.Compression;
using System.Text;

namespace Lindung.Fuzz;

/// <summary>
/// The smallest workbook Excel and the Open XML SDK open: content types, relationships, one sheet
/// and its shared strings, written by hand so a test or the fuzzer can break any part of it.
/// Parts are written in order; a part whose text is null is left out, and a part may be given as
/// a writer (for a part too large to hold as a string).
/// </summary>
internal static class TinyXlsx
{
    public const string ContentTypes = "[Content_Types].xml";
    public const string RootRels = "_rels/.rels";
    public const string Workbook = "xl/workbook.xml";
    public const string WorkbookRels = "xl/_rels/workbook.xml.rels";
    public const string Sheet = "xl/worksheets/sheet1.xml";
    public const string SharedStrings = "xl/sharedStrings.xml";

    private static readonly DateTimeOffset Stamp = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    public static string ContentTypesXml =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
        + "</Types>";

    public static string RootRelsXml =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "</Relationships>";

    public static string WorkbookXml(string prolog = "") =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + prolog + $"<workbook xmlns=\"{Main}\" xmlns:r=\"{Rel}\"><sheets><sheet name=\"Daftar\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";

    public static string WorkbookRelsXml =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
        + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
        + "</Relationships>";

    /// <summary>A sheet whose rows are given as inline strings, row 1 the header.</summary>
    public static string SheetXml(IEnumerable<string[]> rows, string prolog = "")
    {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>").Append(prolog).Append($"<worksheet xmlns=\"{Main}\"><sheetData>");
        var r = 0;
        foreach (var row in rows)
        {
            r++;
            xml.Append("<row r=\"").Append(r).Append("\">");
            for (var c = 0; c < row.Length; c++)
            {
                xml.Append("<c r=\"").Append((char)('A' + c)).Append(r).Append("\" t=\"inlineStr\"><is><t>")
                    .Append(System.Security.SecurityElement.Escape(row[c])).Append("</t></is></c>");
            }

            xml.Append("</row>");
        }

        return xml.Append("</sheetData></worksheet>").ToString();
    }

    public static string SheetXmlRaw(string sheetData, string prolog = "") =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + prolog + $"<worksheet xmlns=\"{Main}\"><sheetData>{sheetData}</sheetData></worksheet>";

    public static string SharedStringsXml(IEnumerable<string> strings, string prolog = "") =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + prolog + $"<sst xmlns=\"{Main}\">"
        + string.Concat(strings.Select(s => $"<si><t>{s}</t></si>")) + "</sst>";

    /// <summary>The parts of a workbook holding <paramref name="rows"/>, to change before <see cref="Build"/>.</summary>
    public static List<(string Name, object Content)> Parts(IEnumerable<string[]> rows) =>
    [
        (ContentTypes, ContentTypesXml),
        (RootRels, RootRelsXml),
        (Workbook, WorkbookXml()),
        (WorkbookRels, WorkbookRelsXml),
        (Sheet, SheetXml(rows)),
        (SharedStrings, SharedStringsXml([])),
    ];

    /// <summary>Zips the parts: a string is written as UTF-8, an <see cref="Action{Stream}"/> writes the part itself.</summary>
    public static byte[] Build(IEnumerable<(string Name, object Content)> parts)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in parts)
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
                entry.LastWriteTime = Stamp; // Not the clock's: the same parts make the same bytes.
                using var stream = entry.Open();
                switch (content)
                {
                    case string text:
                        stream.Write(Encoding.UTF8.GetBytes(text));
                        break;
                    case byte[] bytes:
                        stream.Write(bytes);
                        break;
                    case Action<Stream> write:
                        write(stream);
                        break;
                    default:
                        throw new ArgumentException($"Unknown content for {name}.", nameof(parts));
                }
            }
        }

        return buffer.ToArray();
    }

    /// <summary>Writes <paramref name="head"/>, <paramref name="count"/> times <paramref name="unit"/>, then <paramref name="tail"/>, in blocks.</summary>
    public static Action<Stream> Repeat(string head, string unit, long count, string tail) => stream =>
    {
        stream.Write(Encoding.UTF8.GetBytes(head));
        var block = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(unit, Math.Max(1, 65536 / Math.Max(1, unit.Length)))));
        var perBlock = block.Length / Encoding.UTF8.GetByteCount(unit);
        for (long done = 0; done < count; done += perBlock)
        {
            var n = (int)Math.Min(perBlock, count - done);
            stream.Write(block, 0, n * Encoding.UTF8.GetByteCount(unit));
        }

        stream.Write(Encoding.UTF8.GetBytes(tail));
    };
}
