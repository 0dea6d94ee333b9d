using System.Globalization;
using Lindung.Features.Dashboard;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using QRCoder;

namespace Lindung.Features.Certificates;

/// <summary>
/// The Surat Keterangan Kepatuhan as a one-page A4 PDF in Bahasa Indonesia: the employer's name and
/// identifiers, the status, the validity, and a QR code of the public verify URL (drawn as vector
/// modules, so it prints sharp at any size). Whoever scans it sees the register's current answer.
/// </summary>
internal static class CertificatePdf
{
    private const double Margin = 56;
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");
    private static readonly XColor Green = XColor.FromArgb(0, 128, 90);
    private static readonly XColor Grey = XColor.FromArgb(85, 96, 110);

    public static string FileName(CertificateDto certificate) => $"surat-keterangan-kepatuhan-{certificate.Npp ?? certificate.Nib ?? certificate.Npwp ?? certificate.Id.ToString("N")}.pdf";

    public static byte[] Render(CertificateDto c)
    {
        PdfFonts.EnsureInstalled();
        using var document = new PdfDocument();
        document.Info.Title = $"Surat Keterangan Kepatuhan — {c.EmployerName}";
        document.Info.Creator = "Lindung";
        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            var width = page.Width.Point;
            var title = new XFont(PdfFonts.Family, 20, XFontStyleEx.Bold);
            var heading = new XFont(PdfFonts.Family, 12, XFontStyleEx.Bold);
            var body = new XFont(PdfFonts.Family, 11, XFontStyleEx.Regular);
            var small = new XFont(PdfFonts.Family, 8, XFontStyleEx.Regular);
            var y = Margin;
            gfx.DrawString("SURAT KETERANGAN KEPATUHAN", title, new XSolidBrush(Green), new XRect(0, y, width, 28), XStringFormats.TopCenter);
            y += 30;
            gfx.DrawString("Program Jaminan Sosial Ketenagakerjaan", heading, XBrushes.Black, new XRect(0, y, width, 18), XStringFormats.TopCenter);
            y += 20;
            gfx.DrawString($"Nomor: {c.Id}", small, new XSolidBrush(Grey), new XRect(0, y, width, 12), XStringFormats.TopCenter);
            y += 40;
            gfx.DrawString("Dengan ini diterangkan bahwa pemberi kerja:", body, XBrushes.Black, Margin, y);
            y += 28;
            foreach (var (label, value) in Rows(c))
            {
                gfx.DrawString(label, body, new XSolidBrush(Grey), Margin + 12, y);
                gfx.DrawString(value, label == "Nama" ? heading : body, XBrushes.Black, Margin + 150, y);
                y += 20;
            }

            y += 12;
            gfx.DrawString(
                "telah memenuhi kewajiban kepesertaan Jaminan Sosial Ketenagakerjaan menurut data register Lindung",
                body, XBrushes.Black, Margin, y);
            y += 16;
            gfx.DrawString($"pada tanggal penerbitan, dan surat ini berlaku sampai {Date(c.ValidUntil)}.", body, XBrushes.Black, Margin, y);
            y += 30;

            var size = 180.0;
            DrawQr(gfx, CertificateDto.VerifyUrlOf(BaseOf(c.VerifyUrl, c.Token), c.Token), (width - size) / 2, y, size);
            y += size + 10;
            gfx.DrawString("Pindai kode QR untuk memeriksa keabsahan dan status terkini surat ini.", body, XBrushes.Black, new XRect(0, y, width, 14), XStringFormats.TopCenter);
            y += 18;
            gfx.DrawString("Surat ini tidak sah bila dicabut atau telah melewati masa berlaku.", small, new XSolidBrush(Grey), new XRect(0, y, width, 12), XStringFormats.TopCenter);
            y += 30;
            gfx.DrawString($"Diterbitkan {Date(c.IssuedAt)} oleh {c.IssuedBy} · kunci {c.KeyId}", small, new XSolidBrush(Grey), Margin, y);
        }

        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private static IEnumerable<(string Label, string Value)> Rows(CertificateDto c)
    {
        yield return ("Nama", c.EmployerName);
        if (c.Npp is not null)
        {
            yield return ("NPP", c.Npp);
        }

        if (c.Nib is not null)
        {
            yield return ("NIB", c.Nib);
        }

        if (c.Npwp is not null)
        {
            yield return ("NPWP", c.Npwp);
        }

        yield return ("Status", "PATUH");
        yield return ("Berlaku sampai", Date(c.ValidUntil));
    }

    private static string BaseOf(string verifyUrl, string token) => verifyUrl[..^("/verifikasi/".Length + token.Length)];

    private static string Date(DateTime utc) => utc.ToString("d MMMM yyyy", Indonesian);

    private static void DrawQr(XGraphics gfx, string text, double x, double y, double size)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var module = size / matrix.Count;
        for (var row = 0; row < matrix.Count; row++)
        {
            for (var col = 0; col < matrix.Count; col++)
            {
                if (matrix[row][col])
                {
                    // A hair wider than the module, so neighbours leave no seam when printed.
                    gfx.DrawRectangle(XBrushes.Black, x + (col * module), y + (row * module), module + 0.05, module + 0.05);
                }
            }
        }
    }
}
