using Lindung.Data.Entities;
using Lindung.Domain.Areas;
using Lindung.Domain.Coverage;

namespace Lindung.Features.Dashboard;

/// <summary>A share in [0, 1], or null when nobody is counted (a dash, never a division by zero).</summary>
internal static class Ratio
{
    public static double? Of(long part, long whole) => whole <= 0 ? null : (double)part / whole;
}

internal sealed record CategoryFigure(WorkerCategory Category, int Eligible, int Covered);

internal sealed record AgencyFigure(
    Guid Id, string Code, string Name, string RegionCode, int Eligible, int Covered, int? TargetBasisPoints, CoverageClass Class,
    int? PreviousEligible, int? PreviousCovered, IReadOnlyList<CategoryFigure> Categories, string? Institution = null)
{
    public double? Ratio => Dashboard.Ratio.Of(Covered, Eligible);

    public int Gap => Eligible - Covered;

    /// <summary>Null when last month has no snapshot to compare with.</summary>
    public int? CoveredChange => Covered - PreviousCovered;
}

/// <summary>
/// One area of the drill-down: roster workers who live there and how many are covered, residents
/// with any active membership, and — from the regency up — active participants by membership region,
/// the working population and their quotient, the UCJ ratio.
/// </summary>
internal sealed record RegionFigure(
    string Code, string Name, AreaLevel? Level, int Eligible, int Covered, int ActiveResidents, int? TargetBasisPoints, CoverageClass Class,
    int? Participants, long? WorkingPopulation)
{
    public double? Ratio => Dashboard.Ratio.Of(Covered, Eligible);

    public double? Ucj => Participants is { } p && WorkingPopulation is { } w ? Dashboard.Ratio.Of(p, w) : null;
}

/// <summary>A branch's figures for one regency: active participants per segment and PU employers.</summary>
internal sealed record SegmentRegionFigure(string RegionCode, string Name, IReadOnlyDictionary<string, int> Active, int PuEmployers)
{
    public int Total => Active.Values.Sum();
}

/// <summary>
/// One employer's PDS flags from the latest reconciliation of each agency in view: roster workers
/// placed with the NPP, those registered, and the PDS Tenaga Kerja / Upah / Program counts.
/// </summary>
internal sealed record EmployerFigure(string Npp, string? Name, string RegionCode, int RosterWorkers, int Registered, int PdsWorkers, int PdsWage, int PdsProgram)
{
    public int Flags => PdsWorkers + PdsWage + PdsProgram;
}

internal sealed record TrendPoint(DateOnly Month, int Eligible, int Covered, int Active)
{
    public double? Ratio => Dashboard.Ratio.Of(Covered, Eligible);
}

/// <summary>
/// Everything a leader's page or report shows for one month and one area (or one agency). Built by
/// <see cref="CoverageReportBuilder"/> from snapshots; every export writes exactly these numbers.
/// </summary>
internal sealed record CoverageReport(
    DateOnly Month,
    DateOnly AsOf,
    bool Live,
    DateTime? TakenAt,
    string RegionCode,
    string RegionName,
    AgencyFigure? Agency,
    int Eligible,
    int Covered,
    int? PreviousEligible,
    int? PreviousCovered,
    int? TargetBasisPoints,
    CoverageClass Class,
    CoverageThresholds Thresholds,
    IReadOnlyDictionary<string, int> BySegment,
    int PuEmployers,
    long? WorkingPopulation,
    IReadOnlyList<AgencyFigure> Agencies,
    IReadOnlyList<RegionFigure> Regions,
    IReadOnlyList<SegmentRegionFigure> SegmentRegions,
    IReadOnlyList<EmployerFigure> Employers,
    IReadOnlyList<TrendPoint> Trend)
{
    public double? Ratio => Dashboard.Ratio.Of(Covered, Eligible);

    public int TotalActive => BySegment.Values.Sum();

    public int? CoveredChange => Covered - PreviousCovered;

    public double? Ucj => WorkingPopulation is { } w ? Dashboard.Ratio.Of(TotalActive, w) : null;

    /// <summary>Agencies ranked by coverage, highest first (ties by name).</summary>
    public IReadOnlyList<AgencyFigure> Ranking => [.. Agencies.Where(a => a.Eligible > 0).OrderByDescending(a => a.Ratio).ThenBy(a => a.Name, StringComparer.Ordinal)];

    /// <summary>Where the most workers are still uncovered: the first place to push.</summary>
    public IReadOnlyList<AgencyFigure> BiggestGaps => [.. Agencies.Where(a => a.Gap > 0).OrderByDescending(a => a.Gap).ThenBy(a => a.Name, StringComparer.Ordinal).Take(10)];

    /// <summary>Employers with at least one PDS flag, most flags first: the branch's compliance list.</summary>
    public IReadOnlyList<EmployerFigure> Flagged => [.. Employers.Where(e => e.Flags > 0).OrderByDescending(e => e.Flags).ThenBy(e => e.Npp, StringComparer.Ordinal)];

    /// <summary>Agencies whose covered count moved since last month, biggest moves first.</summary>
    public IReadOnlyList<AgencyFigure> Changes => [.. Agencies.Where(a => a.CoveredChange is not (null or 0)).OrderByDescending(a => Math.Abs(a.CoveredChange!.Value)).ThenBy(a => a.Name, StringComparer.Ordinal).Take(10)];
}
