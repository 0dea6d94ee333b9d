using Lindung.Application;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Areas;
using Lindung.Domain.Identifiers;
using Lindung.Domain.Validation;
using Lindung.Features.Shared;
using Lindung.Features.Villages;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Field;

/// <summary>One household worker as the phone recorded it; <paramref name="CaptureId"/> is the device's id for it.</summary>
internal sealed record CaptureInput(
    Guid? CaptureId, string? Nik, string? Name, string? Occupation, long? Income, string? Phone, bool SaysMember, bool Consent, string? VillageCode, DateTime? CapturedAt);

/// <summary>A field the server kept although the capture said otherwise: shown to the officer, never overwritten silently.</summary>
internal sealed record CaptureConflict(string Field, string Stored, string Captured);

/// <summary>What became of one capture: <c>created</c>, <c>merged</c> (same NIK as a lead), <c>already</c> (sent before) or <c>rejected</c>.</summary>
internal sealed record CaptureOutcome(Guid? CaptureId, string Status, Guid? LeadId, IReadOnlyList<ValidationError> Errors, IReadOnlyList<CaptureConflict> Conflicts);

/// <summary>
/// Receives the captures a phone queued (offline or not) and makes each a lead, once: a capture sent
/// again is recognised by its id; a NIK already captured merges into that lead (empty fields filled,
/// a different name or village reported as a conflict and kept as stored); a NIK the registry does not
/// know becomes a worker living in the village, so the village's waiting list and its sponsors see them.
/// Every capture is checked with the same NIK rules as a roster; a bad one is rejected by name and the
/// rest are kept. Audited like every registry row.
/// </summary>
internal sealed class SyncCaptures(LindungDbContext db, TimeProvider clock)
{
    public const int MaxCaptures = 200;

    /// <summary>The longest occupation a capture may carry (the page's field says so too).</summary>
    public const int MaxOccupation = 200;

    public async Task<UseCaseResult<IReadOnlyList<CaptureOutcome>>> HandleAsync(IReadOnlyList<CaptureInput>? captures, AccessScope scope, CancellationToken ct)
    {
        if (captures is null || captures.Count is 0 or > MaxCaptures)
        {
            return UseCaseError.Of("CAPTURES_REQUIRED", "Kirim 1–200 data sekaligus.", "Send 1–200 captures at once.", "captures");
        }

        var today = clock.Today();
        var validator = new NikValidator(AreaDirectory.Embedded);
        var ids = captures.Where(c => c.CaptureId is not null).Select(c => c.CaptureId!.Value).Distinct().ToList();
        var already = await db.FieldLeads.AsNoTracking().Where(l => ids.Contains(l.CaptureId)).Select(l => new { l.CaptureId, l.Id }).ToDictionaryAsync(l => l.CaptureId, l => l.Id, ct);
        var niks = captures.Select(c => validator.Check(c.Nik, today)).ToList();
        var valid = niks.Where(n => n.IsValid).Select(n => n.Normalized!).Distinct().ToList();
        var leads = await db.FieldLeads.Where(l => valid.Contains(l.Nik)).ToDictionaryAsync(l => l.Nik, StringComparer.Ordinal, ct);
        var workers = await db.Workers.AsNoTracking().Where(w => valid.Contains(w.Nik)).Select(w => new { w.Nik, w.Id }).ToDictionaryAsync(w => w.Nik, w => w.Id, StringComparer.Ordinal, ct);

        var outcomes = new List<CaptureOutcome>(captures.Count);
        for (var i = 0; i < captures.Count; i++)
        {
            var capture = captures[i];
            if (capture.CaptureId is { } seen && already.TryGetValue(seen, out var leadId))
            {
                outcomes.Add(new CaptureOutcome(seen, "already", leadId, [], []));
                continue;
            }

            var errors = new List<ValidationError>(niks[i].Errors);
            var name = capture.Name?.Trim();
            if (string.IsNullOrEmpty(name) || name.Length > 200)
            {
                errors.Add(FieldErrors.NameRequired);
            }

            var village = capture.VillageCode?.Trim();
            if (!VillageAccess.IsVillage(village) || !scope.Covers(village!))
            {
                errors.Add(FieldErrors.VillageOutOfScope);
            }

            if (capture.CaptureId is null)
            {
                errors.Add(FieldErrors.CaptureIdRequired);
            }

            var phone = capture.Phone?.Trim();
            if (phone is { Length: > 0 } && (phone.Length > 20 || !phone.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-')))
            {
                errors.Add(FieldErrors.PhoneInvalid);
            }

            // Refused, not cut: a silently shortened occupation would be stored as something the officer never wrote.
            var occupation = string.IsNullOrWhiteSpace(capture.Occupation) ? null : capture.Occupation.Trim();
            if (occupation is { Length: > MaxOccupation })
            {
                errors.Add(FieldErrors.OccupationTooLong);
            }

            if (capture.Income is <= 0 or > 1_000_000_000)
            {
                errors.Add(FieldErrors.IncomeInvalid);
            }

            if (errors.Count > 0)
            {
                outcomes.Add(new CaptureOutcome(capture.CaptureId, "rejected", null, errors, []));
                continue;
            }

            var nik = niks[i].Normalized!;
            if (leads.TryGetValue(nik, out var lead))
            {
                var conflicts = new List<CaptureConflict>();
                if (!string.Equals(lead.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    conflicts.Add(new CaptureConflict("name", lead.Name, name!));
                }

                if (lead.RegionCode != village)
                {
                    conflicts.Add(new CaptureConflict("village_code", lead.RegionCode, village!));
                }

                lead.Occupation ??= occupation;
                lead.MonthlyIncome ??= capture.Income;
                lead.Phone ??= string.IsNullOrEmpty(phone) ? null : phone;
                lead.SaysMember |= capture.SaysMember;
                lead.ConsentToContact |= capture.Consent;
                outcomes.Add(new CaptureOutcome(capture.CaptureId, "merged", lead.Id, [], conflicts));
                continue;
            }

            if (!workers.TryGetValue(nik, out var workerId))
            {
                var worker = new Worker { Nik = nik, Name = name!, BirthDate = niks[i].BirthDate, Sex = niks[i].Sex, Phone = string.IsNullOrEmpty(phone) ? null : phone, RegionCode = village! };
                db.Workers.Add(worker);
                workerId = worker.Id;
                workers[nik] = workerId;
            }

            lead = new FieldLead
            {
                Nik = nik,
                Name = name!,
                Occupation = occupation,
                MonthlyIncome = capture.Income,
                Phone = string.IsNullOrEmpty(phone) ? null : phone,
                SaysMember = capture.SaysMember,
                ConsentToContact = capture.Consent,
                WorkerId = workerId,
                CapturedBy = scope.UserName,
                CapturedAt = capture.CapturedAt?.ToUniversalTime() ?? clock.GetUtcNow().UtcDateTime,
                CaptureId = capture.CaptureId!.Value,
                RegionCode = village!,
            };
            db.FieldLeads.Add(lead);
            leads[nik] = lead;
            outcomes.Add(new CaptureOutcome(capture.CaptureId, "created", lead.Id, [], []));
        }

        await db.SaveChangesAsync(ct);
        return UseCaseResult<IReadOnlyList<CaptureOutcome>>.Ok(outcomes);
    }
}

internal static class FieldErrors
{
    public static ValidationError NameRequired { get; } = new("NAME_REQUIRED", "Nama wajib diisi (paling banyak 200 karakter).", "The name is required (at most 200 characters).");

    public static ValidationError VillageOutOfScope { get; } = new("VILLAGE_OUT_OF_SCOPE", "Desa tidak dikenal atau bukan desa tugas Anda.", "The village is unknown or not one of yours.");

    public static ValidationError CaptureIdRequired { get; } = new("CAPTURE_ID_REQUIRED", "Data tanpa nomor perangkat.", "The capture has no device id.");

    public static ValidationError PhoneInvalid { get; } = new("PHONE_INVALID", "Nomor HP hanya angka (paling banyak 20).", "The phone number holds digits only (at most 20).");

    public static ValidationError OccupationTooLong { get; } = new("OCCUPATION_TOO_LONG", "Pekerjaan paling banyak 200 karakter.", "The occupation has at most 200 characters.");

    public static ValidationError IncomeInvalid { get; } = new("INCOME_INVALID", "Penghasilan harus jumlah rupiah lebih dari 0.", "The income must be a rupiah amount above 0.");

    public static UseCaseError LeadNotFound { get; } = UseCaseError.Of("LEAD_NOT_FOUND", "Data tidak ditemukan.", "Lead not found.");

    public static UseCaseError StageInvalid { get; } = UseCaseError.Of(
        "LEAD_STAGE_INVALID", "Tahap: CONTACTED atau WILLING, tidak mundur.", "Stage: CONTACTED or WILLING, never backwards.", "stage");
}
