using Lindung.Data;
using Lindung.Domain.Enforcement;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Enforcement;

/// <summary>
/// The data a region's deadlines are computed from: its days off (national, its province's, its
/// regency's) and its stage rules (the shipped ladder, overridden by the nearest region's settings).
/// </summary>
internal static class EnforcementCalendar
{
    /// <summary>The region itself and every code that encloses it, down to the empty national code.</summary>
    public static IReadOnlyList<string> Enclosing(string regionCode)
    {
        var codes = new List<string> { string.Empty };
        var parts = regionCode.Split('.');
        for (var i = 1; i <= parts.Length; i++)
        {
            codes.Add(string.Join('.', parts.Take(i)));
        }

        return codes;
    }

    public static async Task<WorkingCalendar> ForRegionAsync(LindungDbContext db, string regionCode, CancellationToken ct)
    {
        var codes = Enclosing(regionCode);
        var days = await db.DaysOff.AsNoTracking().Where(d => codes.Contains(d.AppliesTo)).Select(d => d.Date).ToListAsync(ct);
        return new WorkingCalendar(days);
    }

    public static async Task<IReadOnlyList<StageRule>> RulesForRegionAsync(LindungDbContext db, string regionCode, CancellationToken ct)
    {
        var codes = Enclosing(regionCode);
        var settings = await db.EnforcementStageSettings.AsNoTracking().Where(s => codes.Contains(s.AppliesTo)).ToListAsync(ct);
        return [.. EnforcementLadder.DefaultRules.Select(rule => settings.Where(s => s.Stage == rule.Stage).MaxBy(s => s.AppliesTo.Length) is { } setting
            ? rule with
            {
                WorkingDays = setting.WorkingDays,
                CalendarDays = setting.CalendarDays,
                FineRatePerMonth = setting.FineRatePerMonth ?? rule.FineRatePerMonth,
                LegalBasis = setting.LegalBasis,
            }
            : rule)];
    }

    public static StageRule Rule(this IReadOnlyList<StageRule> rules, EnforcementStage stage) => rules.Single(r => r.Stage == stage);
}
