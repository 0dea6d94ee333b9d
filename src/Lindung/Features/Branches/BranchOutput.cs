using System.Globalization;
using System.Text;
using Lindung.Features.Dashboard;

namespace Lindung.Features.Branches;

/// <summary>One regency's (or the total's) figures in the API and JSON output: snake_case, segments as fields.</summary>
internal sealed record BranchFigureDto(string? RegionCode, string? Name, int Pu, int Bpu, int Pmi, int Jakon, int TotalActive, int PuEmployers)
{
    public static BranchFigureDto Of(SegmentRegionFigure f) => Of(f.RegionCode, f.Name, f.Active, f.PuEmployers);

    public static BranchFigureDto Of(string? code, string? name, IReadOnlyDictionary<string, int> active, int employers) => new(
        code,
        name,
        active.GetValueOrDefault("PU"),
        active.GetValueOrDefault("BPU"),
        active.GetValueOrDefault("PMI"),
        active.GetValueOrDefault("JAKON"),
        active.Values.Sum(),
        employers);
}

/// <summary><c>GET /api/v1/branches/{code}/coverage</c> and <c>lindung report coverage --branch CODE --format json</c>.</summary>
internal sealed record BranchCoverageDto(
    string Code, string Name, string SeatRegionCode, DateOnly Date, string Source, DateTime? TakenAt, bool Partial, int RegenciesOutsideScope,
    BranchFigureDto Totals, IReadOnlyList<BranchFigureDto> Regencies)
{
    public static BranchCoverageDto Of(BranchCoverageReport r) => new(
        r.Code, r.Name, r.SeatRegionCode, r.Date, r.Live ? "live" : "snapshot", r.TakenAt, r.Partial, r.RegenciesOutsideScope,
        BranchFigureDto.Of(null, null, r.BySegment, r.PuEmployers),
        [.. r.Regencies.Select(BranchFigureDto.Of)]);
}

/// <summary><c>GET /api/v1/branches</c>: a branch and its working area on the day, as far as the caller may see it.</summary>
internal sealed record BranchDto(string Code, string Name, string SeatRegionCode, IReadOnlyList<string> Regencies, bool Partial)
{
    public static BranchDto Of(BranchSummary s) => new(s.Code, s.Name, s.SeatRegionCode, s.Regencies, s.Partial);
}

/// <summary>The branch report as a plain-text table for the terminal.</summary>
internal static class BranchText
{
    public static string Table(BranchCoverageReport r)
    {
        var inv = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(inv, $"{r.Name} ({r.Code}) {r.Date:yyyy-MM-dd} ({(r.Live ? "live" : "snapshot")})");
        if (r.Partial)
        {
            text.AppendLine(inv, $"Partial: {r.RegenciesOutsideScope} regencies of the working area are outside your regions and not counted.");
        }

        text.AppendLine(inv, $"{"Regency",-34} {"PU",9} {"BPU",9} {"PMI",9} {"JAKON",9} {"Total",10} {"PU employers",13}");
        foreach (var f in r.Regencies.Select(BranchFigureDto.Of).Append(BranchFigureDto.Of(null, "Total", r.BySegment, r.PuEmployers)))
        {
            var label = f.RegionCode is null ? f.Name! : $"{f.RegionCode} {f.Name}";
            text.AppendLine(inv, $"{label,-34} {f.Pu,9} {f.Bpu,9} {f.Pmi,9} {f.Jakon,9} {f.TotalActive,10} {f.PuEmployers,13}");
        }

        return text.ToString();
    }
}
