using System.Globalization;
using Lindung.Features.Dashboard;
using PdfSharp.Drawing;
using PdfSharp.Drawing.Layout;
using PdfSharp.Pdf;

namespace Lindung.Features.Enforcement;

/// <summary>What a letter says, composed by <see cref="EnforcementLetters"/>; the renderer only lays it out.</summary>
internal sealed record LetterContent(
    string Sender,
    string Number,
    string Place,
    DateOnly Date,
    string Subject,
    IReadOnlyList<string> Recipient,
    IReadOnlyList<string> Paragraphs,
    IReadOnlyList<string> Findings,
    string Signatory);

/// <summary>
/// An enforcement letter as an A4 PDF in Bahasa Indonesia, laid out like an official letter: sender,
/// number and subject, recipient, the body with the findings as a list, and the signature block.
/// </summary>
internal static class EnforcementLetterPdf
{
    private const double Margin = 64;
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");
    private static readonly XColor Green = XColor.FromArgb(0, 128, 90);

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", Indonesian);

    public static byte[] Render(LetterContent letter)
    {
        PdfFonts.EnsureInstalled();
        using var document = new PdfDocument();
        document.Info.Title = $"{letter.Subject} — {letter.Number}";
        document.Info.Creator = "Lindung";
        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            var width = page.Width.Point - (2 * Margin);
            var heading = new XFont(PdfFonts.Family, 13, XFontStyleEx.Bold);
            var bold = new XFont(PdfFonts.Family, 10.5, XFontStyleEx.Bold);
            var body = new XFont(PdfFonts.Family, 10.5, XFontStyleEx.Regular);
            var formatter = new XTextFormatter(gfx);
            var y = Margin;
            gfx.DrawString(letter.Sender, heading, new XSolidBrush(Green), Margin, y);
            y += 8;
            gfx.DrawLine(new XPen(Green, 1.2), Margin, y, Margin + width, y);
            y += 22;
            gfx.DrawString($"{letter.Place}, {Date(letter.Date)}", body, XBrushes.Black, new XRect(Margin, y - 11, width, 14), XStringFormats.TopRight);
            foreach (var (label, value) in new[] { ("Nomor", letter.Number), ("Perihal", letter.Subject) })
            {
                gfx.DrawString(label, body, XBrushes.Black, Margin, y);
                gfx.DrawString($": {value}", label == "Perihal" ? bold : body, XBrushes.Black, Margin + 60, y);
                y += 16;
            }

            y += 14;
            gfx.DrawString("Kepada Yth.", body, XBrushes.Black, Margin, y);
            y += 15;
            foreach (var line in letter.Recipient)
            {
                gfx.DrawString(line, bold, XBrushes.Black, Margin, y);
                y += 15;
            }

            y += 12;
            y = Paragraph(formatter, letter.Paragraphs[0], body, y, width, gfx);
            foreach (var finding in letter.Findings)
            {
                y = Paragraph(formatter, "•  " + finding, body, y, width - 16, gfx, indent: 16);
            }

            foreach (var paragraph in letter.Paragraphs.Skip(1))
            {
                y = Paragraph(formatter, paragraph, body, y, width, gfx);
            }

            y += 24;
            gfx.DrawString("Hormat kami,", body, XBrushes.Black, Margin + (width / 2), y);
            y += 64;
            gfx.DrawString(letter.Signatory, bold, XBrushes.Black, Margin + (width / 2), y);
        }

        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    /// <summary>Lays out one wrapped paragraph and returns where the next one starts.</summary>
    private static double Paragraph(XTextFormatter formatter, string text, XFont font, double y, double width, XGraphics gfx, double indent = 0)
    {
        var lines = EstimateLines(gfx, text, font, width);
        var height = (lines * font.GetHeight()) + 2;
        formatter.DrawString(text, font, XBrushes.Black, new XRect(Margin + indent, y - font.GetHeight() + 3, width, height), XStringFormats.TopLeft);
        return y + height + 8;
    }

    /// <summary>How many lines the formatter will need: words laid out greedily at the font's widths.</summary>
    private static int EstimateLines(XGraphics gfx, string text, XFont font, double width)
    {
        var lines = 1;
        var current = 0.0;
        var space = gfx.MeasureString(" ", font).Width;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var w = gfx.MeasureString(word, font).Width;
            if (current > 0 && current + space + w > width)
            {
                lines++;
                current = w;
            }
            else
            {
                current += (current > 0 ? space : 0) + w;
            }
        }

        return lines;
    }
}
