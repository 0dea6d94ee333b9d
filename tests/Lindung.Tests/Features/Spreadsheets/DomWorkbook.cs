using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Lindung.Tests.Features.Spreadsheets;

/// <summary>
/// Builds test workbooks with the Open XML SDK package API and hand-written part XML, the way
/// other programs write them, so the reader is tested against files it did not write itself.
/// </summary>
internal static class DomWorkbook
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <param name="path">Where to write the workbook.</param>
    /// <param name="sheets">Sheet name and its sheetData inner XML, in tab order.</param>
    /// <param name="sharedStrings">The sst inner XML (si elements), or null for no shared string part.</param>
    /// <param name="styles">The styleSheet inner XML, or null for no styles part.</param>
    public static void Write(string path, IReadOnlyList<(string Name, string Rows)> sheets, string? sharedStrings = null, string? styles = null)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        var sheetList = workbookPart.Workbook.AppendChild(new Sheets());
        uint id = 1;
        foreach (var (name, rows) in sheets)
        {
            var part = workbookPart.AddNewPart<WorksheetPart>();
            Feed(part, $"<worksheet xmlns=\"{Main}\"><sheetData>{rows}</sheetData></worksheet>");
            sheetList.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = id++, Name = name });
        }

        if (sharedStrings is not null)
        {
            Feed(workbookPart.AddNewPart<SharedStringTablePart>(), $"<sst xmlns=\"{Main}\">{sharedStrings}</sst>");
        }

        if (styles is not null)
        {
            Feed(workbookPart.AddNewPart<WorkbookStylesPart>(), $"<styleSheet xmlns=\"{Main}\">{styles}</styleSheet>");
        }
    }

    private static void Feed(OpenXmlPart part, string xml)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(xml));
        part.FeedData(stream);
    }
}
