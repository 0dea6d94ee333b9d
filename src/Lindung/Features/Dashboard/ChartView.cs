using System.Globalization;
using Lindung.Features.Shared;

namespace Lindung.Features.Dashboard;

/// <summary>The model of the <c>_Chart</c> partial: a chart, its element id, title and table header.</summary>
internal sealed record ChartView(string Id, string Title, string LabelHeader, ChartData Data, int Height = 280)
{
    public static string Format(double? value, bool percent) => value switch
    {
        null => "–",
        { } v when percent => v.ToString("N1", CultureInfo.CurrentCulture) + "%",
        { } v => Formats.Count((long)v),
    };
}
