using System.Globalization;
using System.Text.Json;
using Lindung.Application;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Areas;
using Lindung.Domain.Enforcement;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Enforcement;

/// <summary>
/// A regional admin keeps its regencies' enforcement data: their own days off (a regency's holiday on
/// top of the national calendar) and the stage windows, fine rate and legal basis. National days off
/// come with Lindung (a migration per SKB). The rows are shared reference data without a region of
/// their own, so each change is written to the audit trail here, under the regency it applies to.
/// </summary>
internal sealed class ManageEnforcementCalendar(LindungDbContext db, IAuditActor actor, TimeProvider clock)
{
    public const string RegionField = "applies_to";

    public static UseCaseError RegionInvalid { get; } = UseCaseError.Of(
        "ENF_REGION_INVALID", "Pilih kabupaten/kota di wilayah Anda (mis. 35.77).", "Choose a regency/city in your regions (e.g. 35.77).", RegionField);

    public static UseCaseError DayInvalid { get; } = UseCaseError.Of(
        "DAY_OFF_INVALID", "Isi tanggal dan nama hari libur (paling banyak 200 karakter).", "Enter the day off's date and name (at most 200 characters).", "date");

    public static UseCaseError DayExists { get; } = UseCaseError.Of(
        "DAY_OFF_EXISTS", "Tanggal ini sudah menjadi hari libur di wilayah ini.", "This date is already a day off in this region.", "date");

    public static UseCaseError DayNotFound { get; } = UseCaseError.Of(
        "DAY_OFF_NOT_FOUND", "Hari libur daerah tidak ditemukan di wilayah Anda (hari libur nasional tidak dapat dihapus di sini).", "Regional day off not found in your regions (national days off cannot be removed here).");

    public static UseCaseError SettingInvalid { get; } = UseCaseError.Of(
        "STAGE_SETTING_INVALID",
        "Isi salah satu: hari kerja atau hari kalender (0–365); tarif denda 0–1 (0,001 = 0,1%); dasar hukum wajib.",
        "Give either working or calendar days (0–365); a fine rate of 0–1 (0.001 = 0.1%); the legal basis is required.",
        "stage");

    public async Task<UseCaseResult<DayOff>> AddDayOffAsync(string? appliesTo, DateOnly? date, string? name, AccessScope scope, CancellationToken ct)
    {
        if (!Regency(appliesTo, scope, out var region))
        {
            return RegionInvalid;
        }

        var text = name?.Trim();
        if (date is not { } day || string.IsNullOrEmpty(text) || text.Length > 200)
        {
            return DayInvalid;
        }

        var codes = EnforcementCalendar.Enclosing(region);
        if (await db.DaysOff.AnyAsync(d => d.Date == day && codes.Contains(d.AppliesTo), ct))
        {
            return DayExists;
        }

        var row = new DayOff { Date = day, Name = text, Kind = DayOffKind.Regional, AppliesTo = region };
        db.DaysOff.Add(row);
        Audit(AuditAction.Create, nameof(DayOff), row.Id.ToString(), null, row, region);
        await db.SaveChangesAsync(ct);
        return UseCaseResult<DayOff>.Ok(row);
    }

    public async Task<UseCaseResult<DayOff>> RemoveDayOffAsync(Guid id, AccessScope scope, CancellationToken ct)
    {
        var row = await db.DaysOff.FirstOrDefaultAsync(d => d.Id == id, ct);
        if (row is null || row.AppliesTo.Length != 5 || !scope.Covers(row.AppliesTo))
        {
            return DayNotFound;
        }

        db.DaysOff.Remove(row);
        Audit(AuditAction.Delete, nameof(DayOff), row.Id.ToString(), row, null, row.AppliesTo);
        await db.SaveChangesAsync(ct);
        return UseCaseResult<DayOff>.Ok(row);
    }

    public async Task<UseCaseResult<EnforcementStageSetting>> SaveStageAsync(
        string? appliesTo, string? stage, int? workingDays, int? calendarDays, string? fineRateText, string? legalBasis, AccessScope scope, CancellationToken ct)
    {
        if (!Regency(appliesTo, scope, out var region))
        {
            return RegionInvalid;
        }

        var basis = legalBasis?.Trim();

        // A rate is typed as 0.001 or 0,001 whatever the page's language: read both, never by culture.
        decimal? fineRate = null;
        if (!string.IsNullOrWhiteSpace(fineRateText))
        {
            if (!decimal.TryParse(fineRateText.Trim().Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var rate))
            {
                return SettingInvalid;
            }

            fineRate = rate;
        }

        if (!EnumCodes<EnforcementStage>.TryParseName(stage, out var parsed)
            || (workingDays is not null && calendarDays is not null)
            || (workingDays is null && calendarDays is null && parsed != EnforcementStage.Referral)
            || workingDays is < 0 or > 365 || calendarDays is < 0 or > 365 || fineRate is < 0 or > 1
            || string.IsNullOrEmpty(basis) || basis.Length > 300)
        {
            return SettingInvalid;
        }

        var row = await db.EnforcementStageSettings.FirstOrDefaultAsync(s => s.AppliesTo == region && s.Stage == parsed, ct);
        var before = row is null ? null : Snapshot(row);
        row ??= db.EnforcementStageSettings.Add(new EnforcementStageSetting { AppliesTo = region, Stage = parsed, LegalBasis = basis }).Entity;
        (row.WorkingDays, row.CalendarDays, row.FineRatePerMonth, row.LegalBasis) = (workingDays, calendarDays, fineRate, basis);
        Audit(before is null ? AuditAction.Create : AuditAction.Update, nameof(EnforcementStageSetting), row.Id.ToString(), before, Snapshot(row), region);
        await db.SaveChangesAsync(ct);
        return UseCaseResult<EnforcementStageSetting>.Ok(row);
    }

    private static object Snapshot(EnforcementStageSetting s) => new
    {
        s.Id,
        Stage = s.Stage.ToString(),
        s.WorkingDays,
        s.CalendarDays,
        s.FineRatePerMonth,
        s.LegalBasis,
        s.AppliesTo,
    };

    /// <summary>A regency code the admin's scope covers.</summary>
    private static bool Regency(string? code, AccessScope scope, out string region)
    {
        region = code?.Trim() ?? string.Empty;
        return region.Length == 5 && AreaDirectory.Embedded.Find(region) is not null && scope.Covers(region);
    }

    private void Audit(AuditAction action, string type, string key, object? before, object? after, string region) =>
        db.AuditEvents.Add(new AuditEvent
        {
            At = clock.GetUtcNow().UtcDateTime,
            Actor = actor.Name,
            Action = action,
            EntityType = type,
            EntityKey = key,
            Before = before is null ? null : JsonSerializer.Serialize(before is DayOff b ? DayJson(b) : before),
            After = after is null ? null : JsonSerializer.Serialize(after is DayOff a ? DayJson(a) : after),
            RegionCode = region,
        });

    private static object DayJson(DayOff d) => new { d.Id, Date = d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.Name, Kind = d.Kind.ToString(), d.AppliesTo };
}
