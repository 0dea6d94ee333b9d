using System.Text.Json;
using Lindung.Domain.Coverage;

namespace Lindung.Features.Dashboard;

/// <summary>One series of a chart: its label, values and colour.</summary>
internal sealed record ChartSeries(string Label, IReadOnlyList<double?> Data, string Color, IReadOnlyList<string>? Colors = null);

/// <summary>
/// What a page hands to <c>dashboard.js</c> in data attributes: the chart kind, the labels, the
/// series. The same numbers are in the table next to the chart, for screen readers and for print.
/// </summary>
internal sealed record ChartData(string Kind, IReadOnlyList<string> Labels, IReadOnlyList<ChartSeries> Series, bool Percent = false, double? TargetLine = null)
{
    // Okabe–Ito: distinguishable with the common colour-vision deficiencies.
    public const string Blue = "#0072B2";
    public const string Orange = "#E69F00";
    public const string Green = "#009E73";
    public const string Sky = "#56B4E9";
    public const string Vermillion = "#D55E00";
    public const string Purple = "#CC79A7";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string LabelsJson => JsonSerializer.Serialize(Labels, Json);

    public string SeriesJson => JsonSerializer.Serialize(Series, Json);

    public static string ColorOf(CoverageClass value) => value switch
    {
        CoverageClass.Green => Green,
        CoverageClass.Yellow => Orange,
        CoverageClass.Red => Vermillion,
        _ => Blue,
    };

    /// <summary>A share in [0, 1] as a percentage with one decimal, for the chart axis.</summary>
    public static double? Percent100(double? share) => share is { } s ? Math.Round(100 * s, 1) : null;
}
