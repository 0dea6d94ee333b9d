using System.Linq.Expressions;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Areas;
using Lindung.Domain.Identifiers;
using Lindung.Domain.Matching;
using Lindung.Domain.Reconciliation;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace Lindung.Features.Reconciliation;

/// <summary>
/// One side of a review pair: the roster worker or the candidate member, as the reviewer compares
/// them; the fields the viewer's role may not see are null (<see cref="PersonalDataPolicy"/>).
/// </summary>
internal sealed record ReviewPerson(string? Name, string? Nik, DateOnly? BirthDate, Sex? Sex, string RegionCode, string? RegionName);

/// <summary>A candidate membership with the field-by-field evidence for the pair; the KPJ is null for a viewer who may not see KPJs.</summary>
internal sealed record ReviewPair(string? Kpj, double Score, MatchMethod Method, MembershipStatus? Status, ReviewPerson Member, MatchEvidence Evidence);

/// <summary>A NEEDS_REVIEW row of the latest run of its agency with its open candidates.</summary>
internal sealed record ReviewItem(Guid ResultId, Guid AgencyId, string AgencyName, ReviewPerson Roster, IReadOnlyList<ReviewPair> Pairs);

/// <summary>
/// The review queue a user may see: rows of the latest run per agency that still wait for a
/// decision. Names, NIKs, KPJs, birth dates and sex follow <see cref="PersonalDataPolicy"/> (leaders
/// see none of them, only the evidence).
/// </summary>
internal static class ReviewQueue
{
    /// <summary>
    /// NEEDS_REVIEW rows with candidates of each agency's latest run. The latest run per agency is
    /// found first (agencies and runs are few), so the rows are read through the (run, agency,
    /// outcome) index instead of asking, for every result, whether a newer run exists.
    /// </summary>
    public static async Task<IQueryable<ReconciliationResult>> PendingAsync(LindungDbContext db, AccessScope scope, Guid? agencyId, CancellationToken ct)
    {
        var agencies = db.AgenciesFor(scope);
        if (agencyId is { } id)
        {
            agencies = agencies.Where(a => a.Id == id);
        }

        var latest = await LatestRuns.OfAgenciesAsync(db, agencies, ct);
        var rows = db.ReconciliationResultsFor(scope).Where(r => r.Outcome == ReconcileOutcome.NeedsReview && r.Candidates != null);
        var row = Expression.Parameter(typeof(ReconciliationResult), "r");
        var perRun = latest.GroupBy(l => l.Value, l => l.Key).Select(run =>
        {
            var runId = run.Key;
            var ofRun = run.ToList();
            Expression<Func<ReconciliationResult, bool>> one = r => r.RunId == runId && ofRun.Contains(r.AgencyId);
            return ReplacingExpressionVisitor.Replace(one.Parameters[0], row, one.Body);
        }).ToList();
        return rows.Where(Expression.Lambda<Func<ReconciliationResult, bool>>(AnyOf(perRun, 0, perRun.Count), row));
    }

    /// <summary>The terms OR-ed as a balanced tree: hundreds of agency runs stay a shallow expression.</summary>
    private static Expression AnyOf(List<Expression> terms, int from, int count) => count switch
    {
        0 => Expression.Constant(false),
        1 => terms[from],
        _ => Expression.OrElse(AnyOf(terms, from, count / 2), AnyOf(terms, from + (count / 2), count - (count / 2))),
    };

    public static async Task<(IReadOnlyList<ReviewItem> Items, int Total)> LoadAsync(
        LindungDbContext db, AccessScope scope, Guid? agencyId, int skip, int take, DateOnly today, CancellationToken ct)
    {
        var pending = await PendingAsync(db, scope, agencyId, ct);
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

        var view = PersonalDataPolicy.For(scope);
        var validator = new NikValidator(AreaDirectory.Embedded);
        var items = rows.Select(r =>
        {
            var roster = Person(view, r.Name, r.Nik, r.BirthDate, r.Sex, r.RegionCode);
            var pairs = ReviewCandidates.Parse(r.Candidates)
                .Where(c => members.ContainsKey(c.Kpj))
                .Select(c =>
                {
                    var m = members[c.Kpj];
                    var member = Person(view, m.Name, m.Nik, m.BirthDate, m.Sex, m.RegionCode);
                    var evidence = new MatchEvidence(
                        NameSimilarity.Score(PersonName.Normalize(r.Name), PersonName.Normalize(m.Name)),
                        MatchEvidence.CompareBirthDates(r.BirthDate, m.BirthDate),
                        MatchEvidence.Compare(r.Sex, m.Sex),
                        MatchEvidence.CompareRegions(District(validator, r.Nik, r.RegionCode, today), District(validator, m.Nik, m.RegionCode, today)));
                    return new ReviewPair(view.ShowKpj(c.Kpj), c.Score, c.Method, m.Status, member, evidence);
                })
                .ToList();
            return new ReviewItem(r.Id, r.AgencyId, r.AgencyName, roster, pairs);
        }).ToList();
        return (items, total);
    }

    private static ReviewPerson Person(PersonalDataView view, string name, string nik, DateOnly? birth, Sex? sex, string region) =>
        new(view.ShowName(name), view.ShowNik(nik), view.ShowBirthDate(birth), view.ShowSex(sex), region, AreaDirectory.Embedded.Find(region)?.Name);

    /// <summary>The district the NIK names, else the one the domicile code is in: what the reconciler compared.</summary>
    private static string? District(NikValidator validator, string nik, string region, DateOnly today) =>
        validator.Check(nik, today).CurrentDistrictCode ?? (region.Length >= 8 ? region[..8] : null);
}
