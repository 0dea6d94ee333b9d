using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Areas;
using Lindung.Domain.Identifiers;
using Lindung.Domain.Matching;
using Lindung.Domain.Reconciliation;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Reconciliation;

/// <summary>One side of a review pair: the roster worker or the candidate member, as the reviewer compares them.</summary>
internal sealed record ReviewPerson(string Name, string Nik, DateOnly? BirthDate, Sex? Sex, string RegionCode, string? RegionName);

/// <summary>A candidate membership with the field-by-field evidence for the pair.</summary>
internal sealed record ReviewPair(string Kpj, double Score, MatchMethod Method, MembershipStatus? Status, ReviewPerson Member, MatchEvidence Evidence);

/// <summary>A NEEDS_REVIEW row of the latest run of its agency with its open candidates.</summary>
internal sealed record ReviewItem(Guid ResultId, Guid AgencyId, string AgencyName, ReviewPerson Roster, IReadOnlyList<ReviewPair> Pairs);

/// <summary>
/// The review queue a user may see: rows of the latest run per agency that still wait for a
/// decision. NIKs are shown in full only to roles that administer the workers (leaders see masks).
/// </summary>
internal static class ReviewQueue
{
    public static IQueryable<ReconciliationResult> Pending(LindungDbContext db, AccessScope scope, Guid? agencyId)
    {
        var rows = db.ReconciliationResultsFor(scope)
            .Where(r => r.Outcome == ReconcileOutcome.NeedsReview && r.Candidates != null)
            .Where(r => !db.ReconciliationResults.Any(o => o.AgencyId == r.AgencyId && o.Run!.StartedAt > r.Run!.StartedAt));
        return agencyId is { } id ? rows.Where(r => r.AgencyId == id) : rows;
    }

    public static async Task<(IReadOnlyList<ReviewItem> Items, int Total)> LoadAsync(
        LindungDbContext db, AccessScope scope, Guid? agencyId, int skip, int take, DateOnly today, CancellationToken ct)
    {
        var pending = Pending(db, scope, agencyId);
        var total = await pending.CountAsync(ct);
        var rows = await pending
            .Join(db.Workers, r => r.WorkerId, w => w.Id, (r, w) => new { r, w })
            .Join(db.Agencies, x => x.r.AgencyId, a => a.Id, (x, a) => new { x.r.Id, x.r.AgencyId, AgencyName = a.Name, x.r.Candidates, x.w.Nik, x.w.Name, x.w.BirthDate, x.w.Sex, x.w.RegionCode })
            .OrderBy(x => x.AgencyName).ThenBy(x => x.Name).ThenBy(x => x.Id)
            .Skip(skip).Take(take)
            .ToListAsync(ct);

        var kpjs = rows.SelectMany(r => ReviewCandidates.Parse(r.Candidates)).Select(c => c.Kpj).Distinct().ToList();
        // Candidates are read by KPJ, not through the caller's worker scope: a candidate is by nature
        // not yet tied to the caller's worker, and the row that names it is already in scope.
        var members = (await db.Memberships.AsNoTracking()
            .Where(m => kpjs.Contains(m.Kpj) && m.ValidTo == null)
            .Join(db.Workers, m => m.WorkerId, w => w.Id, (m, w) => new { m.Kpj, m.Status, w.Nik, w.Name, w.BirthDate, w.Sex, w.RegionCode })
            .ToListAsync(ct))
            .ToDictionary(m => m.Kpj, StringComparer.Ordinal);

        var validator = new NikValidator(AreaDirectory.Embedded);
        var items = rows.Select(r =>
        {
            var roster = Person(scope, r.Name, r.Nik, r.BirthDate, r.Sex, r.RegionCode);
            var pairs = ReviewCandidates.Parse(r.Candidates)
                .Where(c => members.ContainsKey(c.Kpj))
                .Select(c =>
                {
                    var m = members[c.Kpj];
                    var member = Person(scope, m.Name, m.Nik, m.BirthDate, m.Sex, m.RegionCode);
                    var evidence = new MatchEvidence(
                        NameSimilarity.Score(PersonName.Normalize(r.Name), PersonName.Normalize(m.Name)),
                        MatchEvidence.CompareBirthDates(r.BirthDate, m.BirthDate),
                        MatchEvidence.Compare(r.Sex, m.Sex),
                        MatchEvidence.CompareRegions(District(validator, r.Nik, r.RegionCode, today), District(validator, m.Nik, m.RegionCode, today)));
                    return new ReviewPair(c.Kpj, c.Score, c.Method, m.Status, member, evidence);
                })
                .ToList();
            return new ReviewItem(r.Id, r.AgencyId, r.AgencyName, roster, pairs);
        }).ToList();
        return (items, total);
    }

    private static ReviewPerson Person(AccessScope scope, string name, string nik, DateOnly? birth, Sex? sex, string region) =>
        new(name, scope.SeesFullNik ? nik : Domain.Identifiers.Nik.Mask(nik), birth, sex, region, AreaDirectory.Embedded.Find(region)?.Name);

    /// <summary>The district the NIK names, else the one the domicile code is in: what the reconciler compared.</summary>
    private static string? District(NikValidator validator, string nik, string region, DateOnly today) =>
        validator.Check(nik, today).CurrentDistrictCode ?? (region.Length >= 8 ? region[..8] : null);
}
