using Lindung.Application;
using Lindung.Data;
using Lindung.Features.Shared;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Enforcement;

/// <summary>An employer with PDS findings today and no open case: a case waiting to be opened.</summary>
internal sealed record CaseCandidate(Guid EmployerId, string Name, string Npp, int UnregisteredWorkers, int WageShort);

/// <summary>What opening one employer's case in a batch gave: the case, or the named reason it was not opened (no name when the employer is unknown or outside the caller's regions).</summary>
internal sealed record BulkOpenRow(Guid EmployerId, string? Name, Guid? CaseId, string? Number, string? Code, string? Message);

/// <summary>
/// The branch's gap list of employers: those in scope with PDS findings today (<see cref="EmployerPds"/>),
/// less those with a case already running, most unregistered workers first.
/// </summary>
internal sealed class ListCaseCandidates(LindungDbContext db, TimeProvider clock)
{
    public const int Limit = 200;

    public async Task<IReadOnlyList<CaseCandidate>> HandleAsync(AccessScope scope, CancellationToken ct)
    {
        if (!EnforcementAccess.Manages(scope))
        {
            return [];
        }

        var employers = EmployerPds.WithoutRunningCase(db, db.EmployersFor(scope));
        var rows = await EmployerPds.Of(db, scope, employers, clock.Today()).AsNoTracking()
            .Where(x => x.Unregistered > 0 || x.WageShort > 0)
            .OrderByDescending(x => x.Unregistered).ThenByDescending(x => x.WageShort).ThenBy(x => x.Name)
            .Take(Limit)
            .ToListAsync(ct);
        return [.. rows.Select(r => new CaseCandidate(r.Id, r.Name, r.Npp!, r.Unregistered, r.WageShort))];
    }
}

/// <summary>
/// Opens the cases of many employers at once, each exactly as <see cref="OpenCase"/> opens one (its own
/// findings frozen, its own number): those that cannot be opened are named with their reason and the
/// others still open — the user chose "open what can be opened" by sending the list.
/// </summary>
internal sealed class OpenCases(LindungDbContext db, OpenCase open)
{
    public const int MaxEmployers = 100;

    public static UseCaseError TooMany { get; } = UseCaseError.Of(
        "CASES_TOO_MANY", $"Paling banyak {MaxEmployers} pemberi kerja sekali buka.", $"At most {MaxEmployers} employers at once.", "employer_ids");

    public static UseCaseError NoneChosen { get; } = UseCaseError.Of(
        "CASES_NONE_CHOSEN", "Pilih paling sedikit satu pemberi kerja.", "Choose at least one employer.", "employer_ids");

    public async Task<UseCaseResult<IReadOnlyList<BulkOpenRow>>> HandleAsync(IReadOnlyList<Guid> employerIds, AccessScope scope, bool english, CancellationToken ct)
    {
        if (!EnforcementAccess.Manages(scope))
        {
            return EnforcementErrors.NotAllowed;
        }

        var distinct = employerIds.Distinct().ToList();
        if (distinct.Count == 0)
        {
            return NoneChosen;
        }

        if (distinct.Count > MaxEmployers)
        {
            return TooMany;
        }

        var names = await db.EmployersFor(scope).AsNoTracking().Where(e => distinct.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
        var rows = new List<BulkOpenRow>(distinct.Count);
        foreach (var employerId in distinct)
        {
            var result = await open.HandleAsync(employerId, scope, ct);
            var name = names.GetValueOrDefault(employerId);
            rows.Add(result.Succeeded
                ? new BulkOpenRow(employerId, name, result.Value.Id, result.Value.Number, null, null)
                : new BulkOpenRow(employerId, name, null, null, result.Errors[0].Code, result.Errors[0].Message(english)));
        }

        return UseCaseResult<IReadOnlyList<BulkOpenRow>>.Ok(rows);
    }
}
