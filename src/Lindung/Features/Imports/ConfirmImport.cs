using Lindung.Application;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Imports;

/// <summary>
/// The uploader's answer to a plan: <paramref name="Plan"/> is the fingerprint of the plan they
/// saw; <paramref name="Force"/> with <paramref name="AgencyCode"/> (typed by hand) is the second,
/// named confirmation a replace over the limit needs.
/// </summary>
internal sealed record ImportConfirmationRequest(Guid JobId, string? Plan, bool Force, string? AgencyCode);

/// <summary>
/// Confirms the plan an import job waits on and queues the job to commit it. The job commits only
/// if running the file again gives the same plan; otherwise it waits again with the new plan.
/// </summary>
internal sealed class ConfirmImport(LindungDbContext db, ImportJobQueue queue)
{
    public async Task<UseCaseResult<ImportJob>> HandleAsync(ImportConfirmationRequest request, AccessScope scope, CancellationToken ct)
    {
        var job = await db.ImportJobsFor(scope).Include(j => j.Agency).SingleOrDefaultAsync(j => j.Id == request.JobId, ct);
        if (job is null)
        {
            return ConfirmErrors.NotFound;
        }

        if (job.Status != ImportJobStatus.AwaitingConfirmation || StoredPlan.Load(job.Plan) is not { } stored)
        {
            return ConfirmErrors.NotAwaiting;
        }

        if (!string.Equals(request.Plan?.Trim(), stored.Plan.Fingerprint, StringComparison.Ordinal))
        {
            return ConfirmErrors.PlanMismatch;
        }

        if (stored.Plan.NeedsForce)
        {
            if (!request.Force)
            {
                return ConfirmErrors.ForceRequired(stored.Plan);
            }

            if (job.Agency is null || !string.Equals(request.AgencyCode?.Trim(), job.Agency.Code, StringComparison.OrdinalIgnoreCase))
            {
                return ConfirmErrors.AgencyNameMismatch(job.Agency?.Code);
            }
        }

        job.Status = ImportJobStatus.Queued;
        job.ConfirmedPlan = stored.Plan.Fingerprint;
        job.Force = stored.Plan.NeedsForce;
        job.Phase = null;
        job.FinishedAt = null;
        await db.SaveChangesAsync(ct);
        if (!await StartImport.EnqueueAsync(db, queue, job.Id, ct))
        {
            return ConfirmErrors.Busy;
        }

        return UseCaseResult<ImportJob>.Ok(job);
    }
}

/// <summary>Why a plan could not be confirmed.</summary>
internal static class ConfirmErrors
{
    public static readonly UseCaseError NotFound = UndoErrors.NotFound;

    public static readonly UseCaseError NotAwaiting = UseCaseError.Of(
        "IMPORT_NOT_AWAITING_CONFIRMATION", "Impor ini tidak sedang menunggu konfirmasi.", "This import is not waiting for a confirmation.");

    public static readonly UseCaseError PlanMismatch = UseCaseError.Of(
        "PLAN_MISMATCH",
        "Rencana yang Anda konfirmasi bukan rencana terbaru impor ini; muat ulang halaman dan periksa rencananya.",
        "The plan you confirmed is not this import's current plan; reload and check the plan.",
        "plan");

    public static readonly UseCaseError Busy = UseCaseError.Of(
        "IMPORT_QUEUE_FULL", "Antrean impor penuh; coba lagi sebentar lagi.", "The import queue is full; try again shortly.");

    public static UseCaseError ForceRequired(ImportPlan plan) => UseCaseError.Of(
        "REPLACE_OVER_LIMIT",
        $"Penggantian ini mengakhiri {plan.Ended} dari {plan.ActiveBefore} pekerja aktif, lebih dari batas {plan.EndLimitPercent}%: konfirmasi sekali lagi dengan mengetik kode instansi.",
        $"This replace ends {plan.Ended} of {plan.ActiveBefore} active workers, more than the {plan.EndLimitPercent}% limit: confirm once more by typing the agency code.",
        "force");

    public static UseCaseError AgencyNameMismatch(string? code) => UseCaseError.Of(
        "AGENCY_CODE_MISMATCH",
        $"Ketik kode instansi ({code}) persis untuk mengonfirmasi penggantian ini.",
        $"Type the agency code ({code}) exactly to confirm this replace.",
        "agency_code");
}

/// <summary>The JSON body of <c>POST /api/v1/imports/{id}/confirm</c>.</summary>
internal sealed record ConfirmImportBody(string? Plan, bool Force, string? AgencyCode);
