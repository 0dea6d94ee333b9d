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
/// number and subject, recipient, the body with the findings as a list, and the signature block. A
/// letter whose template runs longer than a page continues on the next.
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
        var heading = new XFont(PdfFonts.Family, 13, XFontStyleEx.Bold);
        var bold = new XFont(PdfFonts.Family, 10.5, XFontStyleEx.Bold);
        var body = new XFont(PdfFonts.Family, 10.5, XFontStyleEx.Regular);
        using (var pages = new Pages(document))
        {
            var width = pages.Width;
            pages.Gfx.DrawString(letter.Sender, heading, new XSolidBrush(Green), Margin, pages.Y);
            pages.Y += 8;
            pages.Gfx.DrawLine(new XPen(Green, 1.2), Margin, pages.Y, Margin + width, pages.Y);
            pages.Y += 22;
            pages.Gfx.DrawString($"{letter.Place}, {Date(letter.Date)}", body, XBrushes.Black, new XRect(Margin, pages.Y - 11, width, 14), XStringFormats.TopRight);
            foreach (var (label, value) in new[] { ("Nomor", letter.Number), ("Perihal", letter.Subject) })
            {
                pages.Gfx.DrawString(label, body, XBrushes.Black, Margin, pages.Y);
                Line(pages, $": {value}", label == "Perihal" ? bold : body, 60, width - 60, 16);
            }

            pages.Y += 14;
            pages.Gfx.DrawString("Kepada Yth.", body, XBrushes.Black, Margin, pages.Y);
            pages.Y += 15;
            foreach (var line in letter.Recipient)
            {
                Line(pages, line, bold, 0, width, 15);
            }

            pages.Y += 12;
            pages.Y = Paragraph(pages, letter.Paragraphs[0], body, width);
            foreach (var finding in letter.Findings)
            {
                pages.Y = Paragraph(pages, "•  " + finding, body, width - 16, indent: 16);
            }

            foreach (var paragraph in letter.Paragraphs.Skip(1))
            {
                pages.Y = Paragraph(pages, paragraph, body, width);
            }

            pages.Room(24 + 64 + 16);
            pages.Y += 24;
            pages.Gfx.DrawString("Hormat kami,", body, XBrushes.Black, Margin + (width / 2), pages.Y);
            pages.Y += 64;
            Line(pages, letter.Signatory, bold, width / 2, width / 2, 15);
        }

        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    /// <summary>
    /// Writes a line at the current baseline and moves down <paramref name="step"/>; a text too long for
    /// one line (a template's long subject or addressee) wraps under itself.
    /// </summary>
    private static void Line(Pages pages, string text, XFont font, double indent, double width, double step)
    {
        var lines = EstimateLines(pages.Gfx, text, font, width);
        pages.Room(step + ((lines - 1) * font.GetHeight()));
        if (lines == 1)
        {
            pages.Gfx.DrawString(text, font, XBrushes.Black, Margin + indent, pages.Y);
        }
        else
        {
            var box = new XRect(Margin + indent, pages.Y - font.GetHeight() + 3, width, (lines * font.GetHeight()) + 2);
            pages.Formatter.DrawString(text, font, XBrushes.Black, box, XStringFormats.TopLeft);
        }

        pages.Y += ((lines - 1) * font.GetHeight()) + step;
    }

    /// <summary>
    /// Lays out one wrapped paragraph, on the next page when it does not fit, and returns where the next
    /// one starts. A paragraph taller than a whole page (a template's placeholders can make one) is
    /// written line by line over as many pages as it needs.
    /// </summary>
    private static double Paragraph(Pages pages, string text, XFont font, double width, double indent = 0)
    {
        var lines = WrapLines(pages.Gfx, text, font, width);
        var lineHeight = font.GetHeight();
        var height = (lines.Count * lineHeight) + 2;
        if (height <= pages.PageHeight)
        {
            pages.Room(height);
            pages.Formatter.DrawString(text, font, XBrushes.Black, new XRect(Margin + indent, pages.Y - lineHeight + 3, width, height), XStringFormats.TopLeft);
            return pages.Y + height + 8;
        }

        foreach (var line in lines)
        {
            pages.Room(lineHeight + 2);
            pages.Gfx.DrawString(line, font, XBrushes.Black, Margin + indent, pages.Y);
            pages.Y += lineHeight;
        }

        return pages.Y + 10;
    }

    /// <summary>The page being written and where on it; a letter longer than a page goes on to the next A4 page.</summary>
    private sealed class Pages : IDisposable
    {
        private readonly PdfDocument _document;
        private PdfPage _page;

        public Pages(PdfDocument document)
        {
            _document = document;
            _page = NewPage();
            Gfx = XGraphics.FromPdfPage(_page);
            Formatter = new XTextFormatter(Gfx);
        }

        public XGraphics Gfx { get; private set; }

        public XTextFormatter Formatter { get; private set; }

        public double Y { get; set; } = Margin;

        public double Width => _page.Width.Point - (2 * Margin);

        /// <summary>The height a page has for text between its margins.</summary>
        public double PageHeight => _page.Height.Point - (2 * Margin);

        /// <summary>Starts a new page unless <paramref name="height"/> points still fit above the bottom margin.</summary>
        public void Room(double height)
        {
            if (Y + height <= _page.Height.Point - Margin || Y <= Margin)
            {
                return;
            }

            Gfx.Dispose();
            _page = NewPage();
            Gfx = XGraphics.FromPdfPage(_page);
            Formatter = new XTextFormatter(Gfx);
            Y = Margin;
        }

        public void Dispose() => Gfx.Dispose();

        private PdfPage NewPage()
        {
            var page = _document.AddPage();
            page.Size = PdfSharp.PageSize.A4;
            return page;
        }
    }

    /// <summary>How many lines the formatter will need: words laid out greedily at the font's widths.</summary>
    private static int EstimateLines(XGraphics gfx, string text, XFont font, double width) => WrapLines(gfx, text, font, width).Count;

    /// <summary>The lines the formatter will lay out: words placed greedily at the font's widths.</summary>
    private static List<string> WrapLines(XGraphics gfx, string text, XFont font, double width)
    {
        var lines = new List<string>();
        var line = new List<string>();
        var current = 0.0;
        var space = gfx.MeasureString(" ", font).Width;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var w = gfx.MeasureString(word, font).Width;
            if (current > 0 && current + space + w > width)
            {
                lines.Add(string.Join(' ', line));
                line.Clear();
                current = 0;
            }

            current += (current > 0 ? space : 0) + w;
            line.Add(word);
        }

        lines.Add(string.Join(' ', line));
        return lines;
    }
}
