using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Reconciliation;
using Lindung.Domain.Validation;
using Lindung.Features.Api;
using Lindung.Features.Shared;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Reconciliation;

/// <summary>A reviewer's answer for one candidate of a review row: <c>ACCEPT</c> or <c>REJECT</c>.</summary>
internal sealed record DecisionRequest(string? Kpj, string? Decision);

/// <summary>
/// Accept or reject one roster-worker × membership pair. The decision is stored (audited) and
/// applied by every later run. Accepting links the membership to the roster worker (audited) and
/// turns the row covered; rejecting drops the candidate, and a row left without any becomes not
/// registered.
/// </summary>
internal static class DecideReview
{
    public const string Accept = "ACCEPT";
    public const string Reject = "REJECT";

    public static readonly ValidationError DecisionInvalid = new("decision_invalid", "Keputusan harus ACCEPT atau REJECT.", "The decision must be ACCEPT or REJECT.");
    public static readonly ValidationError NotInReview = new("not_in_review", "Baris ini tidak menunggu pemeriksaan.", "This row is not waiting for review.");
    public static readonly ValidationError NotACandidate = new("not_a_candidate", "KPJ ini bukan kandidat untuk baris ini.", "This KPJ is not a candidate for this row.");

    /// <summary>Null when the row does not exist or is outside the caller's scope; else the errors (empty when decided).</summary>
    public static async Task<Dictionary<string, ValidationError>?> DecideAsync(
        LindungDbContext db, AccessScope scope, Guid resultId, DecisionRequest request, string actor, TimeProvider clock, CancellationToken ct)
    {
        var result = await db.ReconciliationResultsFor(scope).FirstOrDefaultAsync(r => r.Id == resultId, ct);
        if (result is null)
        {
            return null;
        }

        var errors = new Dictionary<string, ValidationError>();
        var kpj = Fields.Text(request.Kpj, 11, "kpj", errors);
        var accept = request.Decision?.Trim().ToUpperInvariant() switch
        {
            Accept => true,
            Reject => false,
            null or "" => (bool?)null,
            _ => null,
        };
        if (accept is null)
        {
            errors["decision"] = string.IsNullOrWhiteSpace(request.Decision) ? Fields.Required : DecisionInvalid;
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var candidates = ReviewCandidates.Parse(result.Candidates);
        var candidate = candidates.FirstOrDefault(c => c.Kpj == kpj);
        if (result.Outcome != ReconcileOutcome.NeedsReview)
        {
            errors["result"] = NotInReview;
            return errors;
        }

        if (candidate is null)
        {
            errors["kpj"] = NotACandidate;
            return errors;
        }

        var rosterNik = await db.Workers.Where(w => w.Id == result.WorkerId).Select(w => w.Nik).FirstAsync(ct);
        await RememberAsync(db, result, rosterNik, candidate, accept!.Value, actor, clock, ct);
        if (accept.Value)
        {
            await LinkAsync(db, result, candidate, clock.Today(), ct);
        }
        else
        {
            var remaining = candidates.Where(c => c.Kpj != kpj).ToList();
            result.Candidates = ReviewCandidates.Format(remaining);
            result.Outcome = remaining.Count == 0 ? ReconcileOutcome.NotRegistered : ReconcileOutcome.NeedsReview;
        }

        await db.SaveChangesAsync(ct);
        return errors;
    }

    private static async Task RememberAsync(
        LindungDbContext db, ReconciliationResult result, string rosterNik, ReviewCandidate candidate, bool accept, string actor, TimeProvider clock, CancellationToken ct)
    {
        var decision = await db.MatchDecisions.FirstOrDefaultAsync(d => d.RosterNik == rosterNik && d.Kpj == candidate.Kpj, ct);
        if (decision is null)
        {
            decision = new MatchDecision { RosterNik = rosterNik, Kpj = candidate.Kpj, DecidedBy = actor, RegionCode = result.RegionCode };
            db.MatchDecisions.Add(decision);
        }

        decision.Accepted = accept;
        decision.Method = candidate.Method;
        decision.Score = candidate.Score;
        decision.WorkerId = result.WorkerId;
        decision.AgencyId = result.AgencyId;
        decision.DecidedBy = actor;
        decision.DecidedAt = clock.GetUtcNow().UtcDateTime;
    }

    /// <summary>Every version of the card now belongs to the roster worker; the row takes the card's current state.</summary>
    private static async Task LinkAsync(LindungDbContext db, ReconciliationResult result, ReviewCandidate candidate, DateOnly today, CancellationToken ct)
    {
        var versions = await db.Memberships.Where(m => m.Kpj == candidate.Kpj).ToListAsync(ct);
        foreach (var version in versions)
        {
            version.WorkerId = result.WorkerId;
        }

        var current = versions.FirstOrDefault(m => m.ValidFrom <= today && (m.ValidTo == null || m.ValidTo > today))
            ?? versions.OrderByDescending(m => m.ValidFrom).FirstOrDefault();
        var required = ReconcileSettings.Default.RequiredPrograms;
        result.Outcome = current?.Status == MembershipStatus.Active ? ReconcileOutcome.CoveredActive : ReconcileOutcome.CoveredInactive;
        result.Kpj = candidate.Kpj;
        result.Method = candidate.Method;
        result.Score = candidate.Score;
        result.Candidates = null;
        result.ReportedWage = current?.ReportedWage;
        result.MemberPrograms = current?.Programs ?? Domain.Rosters.ProgramSet.None;
        result.WageUnderreported = current is not null && current.ReportedWage < result.RosterWage;
        result.ProgramMissing = (result.MemberPrograms & required) != required;
    }
}
