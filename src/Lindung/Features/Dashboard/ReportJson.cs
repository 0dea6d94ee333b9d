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

        var rank = 0;
        var ranks = report.Ranking.ToDictionary(a => a.Id, _ => ++rank);
        Objects(json, "by_agency", report.Agencies, a =>
        {
            json.WriteString("id", a.Id);
            json.WriteString("code", a.Code);
            json.WriteString("name", a.Name);
            json.WriteString("region_code", a.RegionCode);
            NullableNumber(json, "rank", ranks.TryGetValue(a.Id, out var r) ? r : null);
            Coverage(json, a.Eligible, a.Covered, a.Ratio, a.TargetBasisPoints, a.Class, gap: a.Gap);
            NullableNumber(json, "covered_change", a.CoveredChange);
            Objects(json, "by_category", a.Categories, c =>
            {
                json.WriteString("category", EnumCodes<Data.Entities.WorkerCategory>.ToCode(c.Category));
                json.WriteNumber("eligible", c.Eligible);
                json.WriteNumber("covered", c.Covered);
            });
        });
        Objects(json, "by_region", report.Regions, g =>
        {
            json.WriteString("code", g.Code);
            json.WriteString("name", g.Name);
            json.WriteString("level", g.Level is { } level ? LevelCode(level) : null);
            Coverage(json, g.Eligible, g.Covered, g.Ratio, g.TargetBasisPoints, g.Class, gap: null);
            json.WriteNumber("active_residents", g.ActiveResidents);
            NullableNumber(json, "active_participants", g.Participants);
            NullableNumber(json, "working_population", g.WorkingPopulation);
            Number(json, "ucj_ratio", g.Ucj);
        });
        Objects(json, "segments_by_region", report.SegmentRegions, s =>
        {
            json.WriteString("code", s.RegionCode);
            json.WriteString("name", s.Name);
            foreach (var (segment, active) in s.Active)
            {
                json.WriteNumber(segment, active);
            }

            json.WriteNumber("total", s.Total);
            json.WriteNumber("pu_employers", s.PuEmployers);
        });
        Objects(json, "by_employer", report.Employers, e =>
        {
            json.WriteString("npp", e.Npp);
            json.WriteString("name", e.Name);
            json.WriteString("region_code", e.RegionCode);
            json.WriteNumber("roster_workers", e.RosterWorkers);
            json.WriteNumber("registered", e.Registered);
            json.WriteNumber("pds_workers", e.PdsWorkers);
            json.WriteNumber("pds_wage", e.PdsWage);
            json.WriteNumber("pds_program", e.PdsProgram);
        });
        Objects(json, "trend", report.Trend, p =>
        {
            json.WriteString("month", p.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture));
            json.WriteNumber("eligible", p.Eligible);
            json.WriteNumber("covered", p.Covered);
            Number(json, "ratio", p.Ratio);
            json.WriteNumber("active", p.Active);
        });
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

    /// <summary>An array of objects, one per item; the caller writes each object's properties.</summary>
    private static void Objects<T>(Utf8JsonWriter json, string name, IEnumerable<T> items, Action<T> write)
    {
        json.WriteStartArray(name);
        foreach (var item in items)
        {
            json.WriteStartObject();
            write(item);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>The measures an agency and a region share, in the same order for both.</summary>
    private static void Coverage(Utf8JsonWriter json, long eligible, long covered, double? ratio, int? targetBasisPoints, CoverageClass value, long? gap)
    {
        json.WriteNumber("eligible", eligible);
        json.WriteNumber("covered", covered);
        if (gap is { } g)
        {
            json.WriteNumber("gap", g);
        }

        Number(json, "ratio", ratio);
        Target(json, targetBasisPoints);
        Class(json, value);
    }

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
