using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using Lindung.Hosting;

namespace Lindung.Features.Spreadsheets;

/// <summary>
/// Writes an XLSX workbook as a stream: rows go straight through <see cref="OpenXmlWriter"/> into a
/// zip entry, so a million-row sheet costs the same memory as a ten-row one. (The Open XML SDK's
/// own package layer buffers every part in memory on .NET, so the zip is written here directly;
/// the parts are the standard ones and the SDK's validator accepts them.)
/// <code>
/// using var book = XlsxWriter.Create(stream);
/// var sheet = book.AddSheet("Kesenjangan", columns, title: "Pekerja belum terlindungi", subtitle: "Kota Madiun, Mei 2026");
/// sheet.WriteRow("3577011203900001", "Budi Santoso", 3_000_000L);
/// sheet.WriteTotals("Jumlah");
/// </code>
/// Sheets are written one after another: adding a sheet finishes the previous one, and disposing
/// the writer finishes the workbook. Text is written as inline strings in Text-formatted cells, so
/// a NIK is never turned into a number. The output stream only needs to be writable (an HTTP
/// response body works when synchronous writes are allowed, or write to a file first).
/// </summary>
internal sealed class XlsxWriter : IDisposable
{
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelNs = "http://schemas.openxmlformats.org/package/2006/relationships";

    private static readonly System.Buffers.SearchValues<char> ForbiddenInSheetNames = System.Buffers.SearchValues.Create(@":\/?*[]");

    private readonly ZipArchive _zip;
    private readonly List<XlsxSheetWriter> _sheets = [];
    private bool _finished;

    private XlsxWriter(Stream stream, bool leaveOpen)
    {
        _zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen, Encoding.UTF8);
    }

    /// <summary>Starts a workbook on <paramref name="stream"/>; it is closed with the writer unless <paramref name="leaveOpen"/>.</summary>
    public static XlsxWriter Create(Stream stream, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return new XlsxWriter(stream, leaveOpen);
    }

    /// <summary>Starts a workbook in a new file at <paramref name="path"/> (replaced if it exists).</summary>
    public static XlsxWriter Create(string path) =>
        new(PrivateFiles.Create(path, bufferSize: 64 * 1024), leaveOpen: false);

    /// <summary>
    /// Finishes the sheet being written, if any, and starts a new one with its header row written.
    /// </summary>
    /// <param name="name">The tab name: 1–31 characters, none of : \ / ? * [ ], unique in the workbook (case-insensitive).</param>
    /// <param name="columns">Header text, kind and width of each column, in order.</param>
    /// <param name="title">A bold, larger first row; a blank row separates it (and the subtitle) from the header.</param>
    /// <param name="subtitle">A grey italic row under the title, e.g. the area and period of a report.</param>
    /// <param name="freezeHeader">Keeps the rows down to the header in view while scrolling.</param>
    /// <param name="autoFilter">Puts filter buttons on the header over the data rows.</param>
    public XlsxSheetWriter AddSheet(
        string name,
        IReadOnlyList<XlsxColumn> columns,
        string? title = null,
        string? subtitle = null,
        bool freezeHeader = true,
        bool autoFilter = true)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        ArgumentNullException.ThrowIfNull(columns);
        CheckSheetName(name);
        if (columns.Count is 0 or > 16_384)
        {
            throw new ArgumentException("A sheet needs 1 to 16,384 columns.", nameof(columns));
        }

        _sheets.LastOrDefault()?.Finish();
        var number = _sheets.Count + 1;
        var entry = _zip.CreateEntry($"xl/worksheets/sheet{number}.xml", CompressionLevel.Fastest);
        var sheet = new XlsxSheetWriter(entry.Open(), name, columns, title, subtitle, freezeHeader, autoFilter, selected: number == 1);
        _sheets.Add(sheet);
        return sheet;
    }

    /// <summary>Finishes the last sheet and writes the workbook, styles and package parts.</summary>
    public void Dispose()
    {
        if (_finished)
        {
            return;
        }

        _finished = true;
        try
        {
            if (_sheets.Count == 0)
            {
                // Excel refuses a workbook without a sheet.
                AddSheetUnchecked();
            }

            _sheets[^1].Finish();
            WriteWorkbook();
            WriteText("xl/styles.xml", XlsxStyleSheet.Xml);
            WriteText("xl/_rels/workbook.xml.rels", WorkbookRelationships());
            WriteText("_rels/.rels", $"""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="{PackageRelNs}"><Relationship Id="rId1" Type="{RelNs}/officeDocument" Target="xl/workbook.xml"/></Relationships>
                """);
            WriteText("[Content_Types].xml", ContentTypes());
        }
        finally
        {
            _zip.Dispose();
        }
    }

    private void AddSheetUnchecked()
    {
        var entry = _zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest);
        _sheets.Add(new XlsxSheetWriter(entry.Open(), "Sheet1", [new XlsxColumn(string.Empty)], null, null, freezeHeader: false, autoFilter: false, selected: true));
    }

    private void CheckSheetName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length is 0 or > 31 || name.AsSpan().IndexOfAny(ForbiddenInSheetNames) >= 0 || name.StartsWith('\'') || name.EndsWith('\''))
        {
            throw new ArgumentException($"'{name}' is not a valid sheet name: 1–31 characters, none of : \\ / ? * [ ], not starting or ending with an apostrophe.", nameof(name));
        }

        if (_sheets.Any(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ArgumentException($"The workbook already has a sheet named '{name}'.", nameof(name));
        }
    }

    private void WriteWorkbook()
    {
        var sheets = new Sheets();
        var filters = new DefinedNames();
        for (var i = 0; i < _sheets.Count; i++)
        {
            sheets.Append(new Sheet { Name = _sheets[i].Name, SheetId = (uint)(i + 1), Id = $"rId{i + 1}" });
            if (_sheets[i].FilterRange is { } range)
            {
                // Excel records every sheet's filtered range in this hidden name; written as Excel
                // writes it, so the workbook looks to other tools like one Excel saved.
                filters.Append(new DefinedName($"'{_sheets[i].Name.Replace("'", "''", StringComparison.Ordinal)}'!{range}")
                {
                    Name = "_xlnm._FilterDatabase",
                    LocalSheetId = (uint)i,
                    Hidden = true,
                });
            }
        }

        var workbook = new Workbook(sheets);
        if (filters.HasChildren)
        {
            workbook.Append(filters);
        }

        workbook.AddNamespaceDeclaration("r", RelNs);
        using var stream = _zip.CreateEntry("xl/workbook.xml", CompressionLevel.Fastest).Open();
        using var writer = OpenXmlWriter.Create(stream, Encoding.UTF8);
        writer.WriteStartDocument(true);
        writer.WriteElement(workbook);
    }

    private string WorkbookRelationships()
    {
        var text = new StringBuilder($"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{"\n"}<Relationships xmlns="{PackageRelNs}">""");
        for (var i = 1; i <= _sheets.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"""<Relationship Id="rId{i}" Type="{RelNs}/worksheet" Target="worksheets/sheet{i}.xml"/>""");
        }

        text.Append(CultureInfo.InvariantCulture, $"""<Relationship Id="rId{_sheets.Count + 1}" Type="{RelNs}/styles" Target="styles.xml"/></Relationships>""");
        return text.ToString();
    }

    private string ContentTypes()
    {
        const string Sheet = "application/vnd.openxmlformats-officedocument.spreadsheetml";
        var text = new StringBuilder($"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="{Sheet}.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="{Sheet}.styles+xml"/>
            """);
        for (var i = 1; i <= _sheets.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"""<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{Sheet}.worksheet+xml"/>""");
        }

        return text.Append("</Types>").ToString();
    }

    private void WriteText(string entryName, string text)
    {
        using var stream = _zip.CreateEntry(entryName, CompressionLevel.Fastest).Open();
        var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text);
        stream.Write(bytes);
    }
}
