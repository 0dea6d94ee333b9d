using Lindung.Application;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Enforcement;
using Lindung.Features.Shared;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Enforcement;

/// <summary>A letter on a case, without its bytes (they are fetched one at a time).</summary>
internal sealed record CaseLetter(Guid Id, EnforcementLetterKind Kind, string Number, DateOnly IssuedOn, string IssuedBy);

/// <summary>One case as its page and API show it: the case, the frozen findings, the history, the letters, the ladder with its rules, and what the caller may do next.</summary>
internal sealed record CaseView(
    EnforcementCase Case,
    string EmployerName,
    IReadOnlyList<CaseFinding> Findings,
    IReadOnlyList<EnforcementStep> Steps,
    IReadOnlyList<CaseLetter> Letters,
    IReadOnlyList<StageRule> Rules,
    EnforcementStage? NextStage,
    bool Overdue,
    int? WorkingDaysLeft,
    bool MayManage,
    bool MayProsecute);

internal sealed class LoadCase(LindungDbContext db, TimeProvider clock)
{
    public async Task<UseCaseResult<CaseView>> HandleAsync(Guid caseId, AccessScope scope, CancellationToken ct)
    {
        var enforcementCase = await EnforcementAccess.Visible(db, scope).AsNoTracking().Include(c => c.Employer).FirstOrDefaultAsync(c => c.Id == caseId, ct);
        if (enforcementCase is null)
        {
            return EnforcementErrors.NotFound;
        }

        var today = clock.Today();
        var steps = await db.EnforcementSteps.AsNoTracking().Where(s => s.CaseId == caseId).OrderBy(s => s.At).ToListAsync(ct);
        var letters = await db.EnforcementLetters.AsNoTracking().Where(l => l.CaseId == caseId).OrderBy(l => l.IssuedOn).ThenBy(l => l.Id)
            .Select(l => new CaseLetter(l.Id, l.Kind, l.Number, l.IssuedOn, l.IssuedBy)).ToListAsync(ct);
        var rules = await EnforcementCalendar.RulesForRegionAsync(db, enforcementCase.RegionCode, ct);
        int? left = null;
        if (enforcementCase.IsOpen && enforcementCase.DueOn is { } due)
        {
            var calendar = await EnforcementCalendar.ForRegionAsync(db, enforcementCase.RegionCode, ct);
            left = calendar.WorkingDaysBetween(today, due);
        }

        return UseCaseResult<CaseView>.Ok(new CaseView(
            enforcementCase,
            enforcementCase.Employer!.Name,
            CaseFinding.Read(enforcementCase.Evidence),
            steps,
            letters,
            rules,
            enforcementCase.IsOpen ? EnforcementLadder.Next(enforcementCase.Stage) : null,
            enforcementCase.IsOpen && enforcementCase.DueOn < today,
            left,
            EnforcementAccess.Manages(scope),
            EnforcementAccess.Prosecutes(scope) && enforcementCase.IsOpen && enforcementCase.Stage == EnforcementStage.Referral));
    }

    /// <summary>A letter's PDF, for a caller who may see its case.</summary>
    public async Task<EnforcementLetter?> LetterAsync(Guid caseId, Guid letterId, AccessScope scope, CancellationToken ct)
    {
        var visible = EnforcementAccess.Visible(db, scope).Select(c => c.Id);
        return await db.EnforcementLetters.AsNoTracking().FirstOrDefaultAsync(l => l.Id == letterId && l.CaseId == caseId && visible.Contains(l.CaseId), ct);
    }
}
