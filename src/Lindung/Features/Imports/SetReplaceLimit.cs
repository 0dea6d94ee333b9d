using System.Globalization;
using Lindung.Application;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Validation;
using Lindung.Features.Api;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Imports;

/// <summary>
/// Sets, for a region and everything below it, the share of an agency's active staff that one
/// replacing roster may end before it needs the second, named confirmation. Saving the same region
/// again replaces its figure; the change is audited like any registry row.
/// </summary>
internal sealed class SetReplaceLimit(LindungDbContext db)
{
    public const string RegionField = "region";
    public const string PercentField = "percent";

    public async Task<UseCaseResult<ReplaceLimitSetting>> HandleAsync(string? region, string? percent, AccessScope scope, CancellationToken ct)
    {
        var errors = new Dictionary<string, ValidationError>();
        var dotted = Fields.Region(region, scope, inScope: true, RegionField, errors);
        var refusals = errors.Select(e => new UseCaseError(e.Value, e.Key)).ToList();
        var trimmed = percent?.Trim().TrimEnd('%').Trim();
        if (!int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) || limit > 100)
        {
            refusals.Add(ReplaceLimitErrors.PercentInvalid);
        }

        if (refusals.Count > 0)
        {
            return UseCaseResult<ReplaceLimitSetting>.Refused([.. refusals]);
        }

        var row = await db.ReplaceLimits.FirstOrDefaultAsync(s => s.RegionCode == dotted, ct);
        if (row is null)
        {
            row = new ReplaceLimitSetting { RegionCode = dotted! };
            db.ReplaceLimits.Add(row);
        }

        row.EndLimitPercent = limit;
        await db.SaveChangesAsync(ct);
        return UseCaseResult<ReplaceLimitSetting>.Ok(row);
    }
}

internal static class ReplaceLimitErrors
{
    public static UseCaseError PercentInvalid { get; } = UseCaseError.Of(
        "REPLACE_LIMIT_INVALID",
        "Batas penggantian harus bilangan bulat 0–100 (persen pekerja aktif).",
        "The replace limit must be a whole number from 0 to 100 (percent of active workers).",
        SetReplaceLimit.PercentField);
}

/// <summary>The replace limit in force for an agency's region: the nearest setting above it, else the installation's default.</summary>
internal static class ReplaceLimits
{
    public static async Task<int> ForRegionAsync(LindungDbContext db, string regionCode, int fallback, CancellationToken ct)
    {
        var settings = await db.ReplaceLimits.AsNoTracking().ToListAsync(ct);
        return settings.NearestTo(regionCode)?.EndLimitPercent ?? fallback;
    }
}
