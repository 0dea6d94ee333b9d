using System.Globalization;
using System.Text.Json;
using Lindung.Cli;
using Lindung.Data;
using Lindung.Domain.Areas;
using Lindung.Domain.Coverage;

namespace Lindung.Features.Dashboard;

/// <summary>
/// The report as JSON for other systems: snake_case keys, plain numbers (ratios as fractions, not
/// percentages), classes as <c>green</c>/<c>yellow</c>/<c>red</c> or null when no target is set.
/// </summary>
internal static class ReportJson
{
    public static async Task WriteAsync(Stream output, CoverageReport report, CancellationToken ct)
    {
        await using var json = new Utf8JsonWriter(output, CliJson.WriterOptions with { Indented = true });
        json.WriteStartObject();
        json.WriteString("month", report.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        json.WriteString("as_of", report.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteString("source", report.Live ? "live" : "snapshot");
        if (report.TakenAt is { } takenAt)
        {
            json.WriteString("taken_at", DateTime.SpecifyKind(takenAt, DateTimeKind.Utc));
        }
        else
        {
            json.WriteNull("taken_at");
        }

        json.WriteStartObject("region");
        json.WriteString("code", report.RegionCode);
        json.WriteString("name", report.RegionName);
        json.WriteEndObject();
        if (report.Agency is { } agency)
        {
            json.WriteStartObject("agency");
            json.WriteString("id", agency.Id);
            json.WriteString("code", agency.Code);
            json.WriteString("name", agency.Name);
            json.WriteEndObject();
        }

        json.WriteNumber("total_eligible", report.Eligible);
        json.WriteNumber("total_covered", report.Covered);
        Number(json, "coverage_ratio", report.Ratio);
        Target(json, report.TargetBasisPoints);
        Class(json, report.Class);
        NullableNumber(json, "previous_covered", report.PreviousCovered);
        NullableNumber(json, "covered_change", report.CoveredChange);
        json.WriteNumber("total_active", report.TotalActive);
        json.WriteStartObject("by_segment");
        foreach (var (segment, active) in report.BySegment)
        {
            json.WriteNumber(segment, active);
        }

        json.WriteEndObject();
        json.WriteNumber("pu_employers", report.PuEmployers);
        NullableNumber(json, "working_population", report.WorkingPopulation);
        Number(json, "ucj_ratio", report.Ucj);
        json.WriteStartObject("thresholds");
        json.WriteNumber("green_of_target", report.Thresholds.GreenBasisPointsOfTarget / 10_000m);
        json.WriteNumber("yellow_of_target", report.Thresholds.YellowBasisPointsOfTarget / 10_000m);
        json.WriteEndObject();

        json.WriteStartArray("by_agency");
        var rank = 0;
        var ranks = report.Ranking.ToDictionary(a => a.Id, _ => ++rank);
        foreach (var a in report.Agencies)
        {
            json.WriteStartObject();
            json.WriteString("id", a.Id);
            json.WriteString("code", a.Code);
            json.WriteString("name", a.Name);
            json.WriteString("region_code", a.RegionCode);
            NullableNumber(json, "rank", ranks.TryGetValue(a.Id, out var r) ? r : null);
            json.WriteNumber("eligible", a.Eligible);
            json.WriteNumber("covered", a.Covered);
            json.WriteNumber("gap", a.Gap);
            Number(json, "ratio", a.Ratio);
            Target(json, a.TargetBasisPoints);
            Class(json, a.Class);
            NullableNumber(json, "covered_change", a.CoveredChange);
            json.WriteStartArray("by_category");
            foreach (var c in a.Categories)
            {
                json.WriteStartObject();
                json.WriteString("category", EnumCodes<Data.Entities.WorkerCategory>.ToCode(c.Category));
                json.WriteNumber("eligible", c.Eligible);
                json.WriteNumber("covered", c.Covered);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("by_region");
        foreach (var g in report.Regions)
        {
            json.WriteStartObject();
            json.WriteString("code", g.Code);
            json.WriteString("name", g.Name);
            json.WriteString("level", g.Level is { } level ? LevelCode(level) : null);
            json.WriteNumber("eligible", g.Eligible);
            json.WriteNumber("covered", g.Covered);
            Number(json, "ratio", g.Ratio);
            Target(json, g.TargetBasisPoints);
            Class(json, g.Class);
            json.WriteNumber("active_residents", g.ActiveResidents);
            NullableNumber(json, "active_participants", g.Participants);
            NullableNumber(json, "working_population", g.WorkingPopulation);
            Number(json, "ucj_ratio", g.Ucj);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("segments_by_region");
        foreach (var s in report.SegmentRegions)
        {
            json.WriteStartObject();
            json.WriteString("code", s.RegionCode);
            json.WriteString("name", s.Name);
            foreach (var (segment, active) in s.Active)
            {
                json.WriteNumber(segment, active);
            }

            json.WriteNumber("total", s.Total);
            json.WriteNumber("pu_employers", s.PuEmployers);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("by_employer");
        foreach (var e in report.Employers)
        {
            json.WriteStartObject();
            json.WriteString("npp", e.Npp);
            json.WriteString("name", e.Name);
            json.WriteString("region_code", e.RegionCode);
            json.WriteNumber("roster_workers", e.RosterWorkers);
            json.WriteNumber("registered", e.Registered);
            json.WriteNumber("pds_workers", e.PdsWorkers);
            json.WriteNumber("pds_wage", e.PdsWage);
            json.WriteNumber("pds_program", e.PdsProgram);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("trend");
        foreach (var p in report.Trend)
        {
            json.WriteStartObject();
            json.WriteString("month", p.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture));
            json.WriteNumber("eligible", p.Eligible);
            json.WriteNumber("covered", p.Covered);
            Number(json, "ratio", p.Ratio);
            json.WriteNumber("active", p.Active);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(ct);
    }

    public static string ClassCode(CoverageClass value) => value switch
    {
        CoverageClass.Green => "green",
        CoverageClass.Yellow => "yellow",
        CoverageClass.Red => "red",
        _ => string.Empty,
    };

    public static string LevelCode(AreaLevel level) => level switch
    {
        AreaLevel.Province => "province",
        AreaLevel.Regency => "regency",
        AreaLevel.District => "district",
        _ => "village",
    };

    private static void Number(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, Math.Round(v, 6));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void NullableNumber(Utf8JsonWriter json, string name, long? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void Target(Utf8JsonWriter json, int? basisPoints)
    {
        if (basisPoints is { } b)
        {
            json.WriteNumber("target", b / 10_000m);
        }
        else
        {
            json.WriteNull("target");
        }
    }

    private static void Class(Utf8JsonWriter json, CoverageClass value)
    {
        if (value == CoverageClass.None)
        {
            json.WriteNull("class");
        }
        else
        {
            json.WriteString("class", ClassCode(value));
        }
    }
}
