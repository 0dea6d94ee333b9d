using Lindung.Domain.Coverage;
using Lindung.Features.Shared;
using Microsoft.Extensions.Localization;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Lindung.Features.Dashboard;

/// <summary>
/// The leader's PDF: a cover, a one-page summary with the trend and segment charts, the agency
/// ranking chart, then every table. A4 landscape, DejaVu Sans embedded, dates and numbers in the
/// current culture (Indonesian by default). Charts use the Okabe–Ito palette, readable for colour-blind readers.
/// </summary>
internal sealed class ReportPdf : IDisposable
{
    private const double Margin = 40;
    private static readonly XColor Blue = XColor.FromArgb(0, 114, 178);
    private static readonly XColor Orange = XColor.FromArgb(230, 159, 0);
    private static readonly XColor Green = XColor.FromArgb(0, 158, 115);
    private static readonly XColor Vermillion = XColor.FromArgb(213, 94, 0);
    private static readonly XColor Sky = XColor.FromArgb(86, 180, 233);
    private static readonly XColor Grey = XColor.FromArgb(85, 96, 110);
    private static readonly XColor Line = XColor.FromArgb(217, 222, 229);

    private readonly PdfDocument _document = new();
    private readonly IStringLocalizer _l;
    private readonly CoverageReport _report;
    private readonly DateOnly _printed;
    private readonly XFont _title = new(PdfFonts.Family, 24, XFontStyleEx.Bold);
    private readonly XFont _heading = new(PdfFonts.Family, 14, XFontStyleEx.Bold);
    private readonly XFont _body = new(PdfFonts.Family, 10, XFontStyleEx.Regular);
    private readonly XFont _big = new(PdfFonts.Family, 18, XFontStyleEx.Bold);
    private readonly XFont _small = new(PdfFonts.Family, 7.5, XFontStyleEx.Regular);
    private readonly XFont _smallBold = new(PdfFonts.Family, 7.5, XFontStyleEx.Bold);
    private XGraphics? _gfx;
    private PdfPage? _page;

    private ReportPdf(CoverageReport report, IStringLocalizer l, DateOnly printed)
    {
        _report = report;
        _l = l;
        _printed = printed;
    }

    public static void Write(Stream output, CoverageReport report, IStringLocalizer l, DateOnly printed)
    {
        PdfFonts.EnsureInstalled();
        using var pdf = new ReportPdf(report, l, printed);
        pdf.Cover();
        pdf.Summary();
        pdf.Ranking();
        foreach (var table in ReportTables.All(report, l))
        {
            pdf.Table(table);
        }

        pdf._gfx?.Dispose();
        pdf._gfx = null;
        pdf._document.Info.Title = $"{l["dash.report.title"]} — {report.RegionName} — {Formats.MonthLong(report.Month)}";
        pdf._document.Info.Creator = "Lindung";
        pdf._document.Save(output, closeStream: false);
    }

    public void Dispose()
    {
        _gfx?.Dispose();
        _document.Dispose();
    }

    private XGraphics Gfx => _gfx ?? throw new InvalidOperationException("No page.");

    private double Width => _page!.Width.Point;

    private double Height => _page!.Height.Point;

    private void NewPage()
    {
        _gfx?.Dispose();
        _page = _document.AddPage();
        _page.Size = PageSize.A4;
        _page.Orientation = PageOrientation.Landscape;
        _gfx = XGraphics.FromPdfPage(_page);
        var footer = $"Lindung · {_report.RegionName} · {Formats.MonthLong(_report.Month)} · {_document.PageCount}";
        Gfx.DrawString(footer, _small, new XSolidBrush(Grey), new XRect(Margin, Height - 25, Width - 2 * Margin, 12), XStringFormats.CenterRight);
    }

    private void Cover()
    {
        NewPage();
        Gfx.DrawRectangle(new XSolidBrush(XColor.FromArgb(11, 110, 79)), 0, 0, Width, 14);
        Text(_l["dash.report.title"], _title, Margin, 160);
        Text(_report.Agency?.Name ?? _report.RegionName, _heading, Margin, 200);
        Text(Formats.MonthLong(_report.Month), _heading, Margin, 222);
        Text(_l["dash.report.as-of", Formats.DateLong(_report.AsOf)], _body, Margin, 260);
        Text(_l["dash.report.printed", Formats.DateLong(_printed)], _body, Margin, 276);
        Text(_report.Live ? _l["dash.source.live"] : _l["dash.source.snapshot"], _body, Margin, 292);
        Text(_l["dash.report.definition"], _small, Margin, Height - 70);
    }

    private void Summary()
    {
        NewPage();
        Text(_l["dash.summary"], _heading, Margin, Margin);
        var tiles = new (string Label, string Value)[]
        {
            (_l["dash.headline.coverage"], Formats.Share(_report.Ratio)),
            (_l["dash.headline.covered"], $"{Formats.Count(_report.Covered)} / {Formats.Count(_report.Eligible)}"),
            (_l["dash.headline.target"], $"{Formats.BasisPoints(_report.TargetBasisPoints)} · {ReportTables.ClassLabel(_l, _report.Class)}"),
            (_l["dash.headline.active"], Formats.Count(_report.TotalActive)),
            (_l["dash.headline.pu-employers"], Formats.Count(_report.PuEmployers)),
            (_l["dash.headline.ucj"], Formats.Share(_report.Ucj)),
        };
        var tileWidth = (Width - 2 * Margin - 5 * 8) / 6;
        for (var i = 0; i < tiles.Length; i++)
        {
            var x = Margin + i * (tileWidth + 8);
            Gfx.DrawRectangle(new XPen(Line, 1), x, 65, tileWidth, 58);
            Gfx.DrawString(tiles[i].Label, _small, new XSolidBrush(Grey), new XRect(x + 6, 70, tileWidth - 12, 12), XStringFormats.TopLeft);
            var valueFont = tiles[i].Value.Length > 14 ? _body : _big;
            Gfx.DrawString(tiles[i].Value, valueFont, XBrushes.Black, new XRect(x + 6, 88, tileWidth - 12, 24), XStringFormats.TopLeft);
        }

        if (_report.CoveredChange is { } change)
        {
            Text(_l["dash.change.summary", (change >= 0 ? "+" : "") + Formats.Count(change)], _body, Margin, 135);
        }

        var half = (Width - 2 * Margin - 20) / 2;
        Text(_l["dash.chart.trend"], _body, Margin, 160);
        TrendChart(new XRect(Margin, 178, half, 300));
        Text(_l["dash.chart.segments"], _body, Margin + half + 20, 160);
        SegmentChart(new XRect(Margin + half + 20, 178, half, 300));
    }

    private void TrendChart(XRect area)
    {
        var points = _report.Trend;
        Axes(area, 100, v => v.ToString("0", System.Globalization.CultureInfo.CurrentCulture) + "%");
        if (points.Count == 0)
        {
            return;
        }

        var step = points.Count == 1 ? 0 : area.Width / (points.Count - 1);
        var pen = new XPen(Blue, 2);
        XPoint? last = null;
        for (var i = 0; i < points.Count; i++)
        {
            var ratio = points[i].Ratio ?? 0;
            var p = new XPoint(area.X + i * step, area.Bottom - ratio * area.Height);
            if (last is { } from)
            {
                Gfx.DrawLine(pen, from, p);
            }

            Gfx.DrawEllipse(new XSolidBrush(Blue), p.X - 2.5, p.Y - 2.5, 5, 5);
            last = p;
            Gfx.DrawString(points[i].Month.ToString("MMM yy", System.Globalization.CultureInfo.CurrentCulture), _small, new XSolidBrush(Grey),
                new XRect(p.X - 20, area.Bottom + 4, 40, 10), XStringFormats.TopCenter);
        }

        if (_report.TargetBasisPoints is { } target)
        {
            var y = area.Bottom - target / 10_000.0 * area.Height;
            Gfx.DrawLine(new XPen(Vermillion, 1) { DashStyle = XDashStyle.Dash }, area.X, y, area.Right, y);
            Gfx.DrawString(_l["dash.col.target"] + " " + Formats.BasisPoints(target), _small, new XSolidBrush(Vermillion), new XRect(area.X + 4, y - 11, 150, 10), XStringFormats.TopLeft);
        }
    }

    private void SegmentChart(XRect area)
    {
        var colors = new[] { Blue, Orange, Green, Sky };
        var values = SegmentCodes.Ordered.Select(s => _report.BySegment[SegmentCodes.Of(s)]).ToList();
        var max = Math.Max(1, values.Max());
        Axes(area, max, v => Formats.Count((long)v));
        var slot = area.Width / values.Count;
        for (var i = 0; i < values.Count; i++)
        {
            var h = values[i] / (double)max * area.Height;
            var x = area.X + i * slot + slot * 0.2;
            Gfx.DrawRectangle(new XSolidBrush(colors[i]), x, area.Bottom - h, slot * 0.6, h);
            Gfx.DrawString(Formats.Count(values[i]), _smallBold, XBrushes.Black, new XRect(x - 10, area.Bottom - h - 12, slot * 0.6 + 20, 10), XStringFormats.TopCenter);
            Gfx.DrawString(SegmentCodes.Of(SegmentCodes.Ordered[i]), _small, new XSolidBrush(Grey), new XRect(x, area.Bottom + 4, slot * 0.6, 10), XStringFormats.TopCenter);
        }
    }

    private void Ranking()
    {
        var ranked = _report.Ranking.Take(20).ToList();
        if (ranked.Count == 0)
        {
            return;
        }

        NewPage();
        Text(_l["dash.chart.ranking"], _heading, Margin, Margin);
        var labelWidth = 230.0;
        var area = new XRect(Margin + labelWidth, 70, Width - 2 * Margin - labelWidth - 60, Height - 130);
        var rowHeight = Math.Min(22, area.Height / ranked.Count);
        for (var i = 0; i < ranked.Count; i++)
        {
            var a = ranked[i];
            var y = area.Y + i * rowHeight;
            var w = (a.Ratio ?? 0) * area.Width;
            var color = a.Class switch { CoverageClass.Green => Green, CoverageClass.Yellow => Orange, CoverageClass.Red => Vermillion, _ => Blue };
            Gfx.DrawString($"{i + 1}. {a.Name}", _small, XBrushes.Black, new XRect(Margin, y, labelWidth - 6, rowHeight), XStringFormats.CenterLeft);
            Gfx.DrawRectangle(new XSolidBrush(color), area.X, y + 3, w, rowHeight - 6);
            Gfx.DrawString($"{Formats.Share(a.Ratio)} ({ReportTables.ClassLabel(_l, a.Class)})", _small, XBrushes.Black,
                new XRect(area.X + w + 4, y, 120, rowHeight), XStringFormats.CenterLeft);
        }
    }

    private void Table(ReportTable table)
    {
        NewPage();
        Text(table.Title, _heading, Margin, Margin);
        var weights = table.Columns.Select(c => c.Kind == CellKind.Text ? (c.Header.Length > 6 || table.Columns.Count < 6 ? 3.0 : 1.5) : 1.0).ToArray();
        var unit = (Width - 2 * Margin) / weights.Sum();
        var y = 70.0;
        void Header()
        {
            var x = Margin;
            for (var c = 0; c < table.Columns.Count; c++)
            {
                Cell(table.Columns[c].Header, _smallBold, x, y, weights[c] * unit, table.Columns[c].Kind != CellKind.Text);
                x += weights[c] * unit;
            }

            y += 14;
            Gfx.DrawLine(new XPen(Grey, 0.8), Margin, y - 2, Width - Margin, y - 2);
        }

        Header();
        foreach (var row in table.Totals is null ? table.Rows : [.. table.Rows, table.Totals])
        {
            if (y > Height - 50)
            {
                NewPage();
                Text(table.Title, _heading, Margin, Margin);
                y = 70;
                Header();
            }

            var font = ReferenceEquals(row, table.Totals) ? _smallBold : _small;
            var x = Margin;
            for (var c = 0; c < table.Columns.Count; c++)
            {
                Cell(Format(row[c], table.Columns[c].Kind), font, x, y, weights[c] * unit, table.Columns[c].Kind != CellKind.Text);
                x += weights[c] * unit;
            }

            y += 12;
            Gfx.DrawLine(new XPen(Line, 0.5), Margin, y - 1, Width - Margin, y - 1);
        }
    }

    private static string Format(object? value, CellKind kind) => value switch
    {
        null => string.Empty,
        long n => Formats.Count(n),
        double d when kind == CellKind.Share => Formats.Share(d),
        _ => value.ToString() ?? string.Empty,
    };

    private void Cell(string text, XFont font, double x, double y, double width, bool right)
    {
        // Long names are cut rather than wrapped: a table row stays one line, as in the spreadsheet.
        if (Gfx.MeasureString(text, font).Width > width - 6)
        {
            while (text.Length > 1 && Gfx.MeasureString(text + "…", font).Width > width - 6)
            {
                text = text[..^1];
            }

            text = text.TrimEnd() + "…";
        }

        Gfx.DrawString(text, font, XBrushes.Black, new XRect(x + 3, y, width - 6, 12), right ? XStringFormats.TopRight : XStringFormats.TopLeft);
    }

    private void Axes(XRect area, double max, Func<double, string> label)
    {
        var pen = new XPen(Line, 0.5);
        for (var i = 0; i <= 4; i++)
        {
            var y = area.Bottom - i / 4.0 * area.Height;
            Gfx.DrawLine(pen, area.X, y, area.Right, y);
            Gfx.DrawString(label(max * i / 4), _small, new XSolidBrush(Grey), new XRect(area.X - 44, y - 5, 40, 10), XStringFormats.TopRight);
        }
    }

    private void Text(string text, XFont font, double x, double y) =>
        Gfx.DrawString(text, font, XBrushes.Black, new XRect(x, y, Width - x - Margin, font.Size * 1.4), XStringFormats.TopLeft);
}
