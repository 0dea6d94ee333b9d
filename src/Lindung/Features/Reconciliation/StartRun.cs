using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Validation;
using Lindung.Features.Api;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Reconciliation;

/// <summary>What a caller asks to reconcile: one agency, or a whole region.</summary>
internal sealed record RunRequest(string? RegionCode, Guid? AgencyId);

/// <summary>
/// Who may reconcile what: regional admins and branch officers any region or agency of their scope;
/// an agency operator only their own agency (the default when they name none).
/// </summary>
internal static class StartRun
{
    public static readonly ValidationError AgencyUnknown = new("agency_unknown", "Instansi tidak ditemukan.", "No such agency.");

    public static async Task<(string Region, Guid? AgencyId)?> ResolveAsync(
        LindungDbContext db, AccessScope scope, RunRequest request, Dictionary<string, ValidationError> errors, CancellationToken ct)
    {
        var agencyId = request.AgencyId ?? (scope.OperatesAgency ? scope.AgencyId : null);
        if (agencyId is { } id)
        {
            var agency = await db.AgenciesFor(scope).Where(a => a.Id == id).Select(a => new { a.RegionCode }).FirstOrDefaultAsync(ct);
            if (agency is null)
            {
                errors["agency_id"] = AgencyUnknown;
                return null;
            }

            return (Regency(agency.RegionCode), id);
        }

        if (!scope.SeesRegion)
        {
            errors["agency_id"] = Fields.Required;
            return null;
        }

        var region = Fields.Region(request.RegionCode, scope, inScope: true, "region_code", errors);
        return region is null ? null : (region, null);
    }

    /// <summary>
    /// Stores the run as Queued and hands it to the background worker; null (with the run cancelled)
    /// when the queue is full.
    /// </summary>
    public static async Task<ReconciliationRun?> QueueAsync(
        LindungDbContext db, ReconciliationJobQueue queue, string region, Guid? agencyId, string actor, TimeProvider clock, CancellationToken ct)
    {
        var run = ReconciliationRunner.Request(region, agencyId, actor, clock, ReconciliationRunStatus.Queued);
        db.ReconciliationRuns.Add(run);
        await db.SaveChangesAsync(ct);
        return await EnqueueAsync(db, queue, run, clock) ? run : null;
    }

    /// <summary>Hands a stored Queued run to the background worker; false (with the run cancelled) when the queue is full.</summary>
    public static async Task<bool> EnqueueAsync(LindungDbContext db, ReconciliationJobQueue queue, ReconciliationRun run, TimeProvider clock)
    {
        if (queue.TryEnqueue(run.Id))
        {
            return true;
        }

        await ReconciliationRunner.SettleAsync(db, run.Id, ReconciliationRunStatus.Cancelled, ReconciliationErrors.Busy, clock);
        return false;
    }

    /// <summary>Memberships count for the employer's regency, so an agency is reconciled against its regency's.</summary>
    public static string Regency(string code) => code.Length > 5 ? code[..5] : code;
}
