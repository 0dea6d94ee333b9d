using Lindung.Application;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Areas;
using Lindung.Domain.Enforcement;
using Lindung.Features.Shared;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Enforcement;

/// <summary>What moving a case up needs: the stage, and what that stage asks for (the fine's base, the referral's SKK).</summary>
internal sealed record AdvanceInput(
    string? Stage,
    long? ContributionsDue = null,
    int? Months = null,
    string? ProsecutorRegion = null,
    string? SkkNumber = null,
    DateOnly? SkkDate = null,
    string? StateAttorney = null,
    string? Note = null);

/// <summary>
/// Moves an open case to the next stage of the ladder — never skipping one, never back — and, in one
/// transaction, records the step, computes the new deadline on the region's working-day calendar, the
/// fine at the fine stage, and issues the stage's numbered letter. From TMP2T on, the licensing gate
/// answers SANCTIONED for the employer; the referral names the Kejaksaan Negeri whose state attorneys
/// then see the case.
/// </summary>
internal sealed class AdvanceCase(LindungDbContext db, EnforcementLetters letters, TimeProvider clock)
{
    public const int NoteMax = 2000;

    public async Task<UseCaseResult<EnforcementStep>> HandleAsync(Guid caseId, AdvanceInput input, AccessScope scope, CancellationToken ct)
    {
        var enforcementCase = await EnforcementAccess.Visible(db, scope).Include(c => c.Employer).FirstOrDefaultAsync(c => c.Id == caseId, ct);
        if (enforcementCase is null)
        {
            return EnforcementErrors.NotFound;
        }

        if (!EnforcementAccess.Manages(scope))
        {
            return EnforcementErrors.NotAllowed;
        }

        if (!enforcementCase.IsOpen)
        {
            return EnforcementErrors.Closed;
        }

        if (!EnumCodes<EnforcementStage>.TryParseName(input.Stage, out var target) || target == EnforcementStage.Opened)
        {
            return EnforcementErrors.StageUnknown;
        }

        if (!EnforcementLadder.MayAdvance(enforcementCase.Stage, target))
        {
            return EnforcementLadder.Next(enforcementCase.Stage) is { } next
                ? EnforcementErrors.StageSkipped(StageCode(enforcementCase.Stage), StageCode(next))
                : EnforcementErrors.LadderEnded;
        }

        if (input.Note is { Length: > NoteMax })
        {
            return EnforcementErrors.NoteRequired;
        }

        var today = clock.Today();
        var rules = await EnforcementCalendar.RulesForRegionAsync(db, enforcementCase.RegionCode, ct);
        var rule = rules.Rule(target);
        var errors = Validate(enforcementCase, target, input, rule, today);
        if (errors.Count > 0)
        {
            return UseCaseResult<EnforcementStep>.Refused([.. errors]);
        }

        var calendar = await EnforcementCalendar.ForRegionAsync(db, enforcementCase.RegionCode, ct);
        enforcementCase.Stage = target;
        enforcementCase.StageOn = today;
        enforcementCase.DueOn = rule.DueOn(today, calendar);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        EnforcementLetter? letter = null;
        if (EnforcementLetters.KindFor(target) is { } kind)
        {
            letter = await letters.IssueAsync(enforcementCase, enforcementCase.Employer!, kind, rule, today, scope.UserName, ct);
            db.EnforcementLetters.Add(letter);
        }

        var step = new EnforcementStep
        {
            CaseId = enforcementCase.Id,
            Kind = EnforcementStepKind.Advanced,
            Stage = target,
            On = today,
            At = clock.GetUtcNow().UtcDateTime,
            By = scope.UserName,
            DueOn = enforcementCase.DueOn,
            Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(),
            Amount = target == EnforcementStage.Fine ? enforcementCase.FineAmount : null,
            LetterId = letter?.Id,
            RegionCode = enforcementCase.RegionCode,
        };
        db.EnforcementSteps.Add(step);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return UseCaseResult<EnforcementStep>.Ok(step);
    }

    public static string StageCode(EnforcementStage stage) => stage.ToString().ToLowerInvariant();

    private static List<UseCaseError> Validate(EnforcementCase c, EnforcementStage target, AdvanceInput input, StageRule rule, DateOnly today)
    {
        var errors = new List<UseCaseError>();
        if (target == EnforcementStage.Fine)
        {
            var months = input.Months ?? CaseFinding.Read(c.Evidence).Select(f => f.Evidence.Months).Max() ?? 1;
            if (input.ContributionsDue is not (>= 0 and var due))
            {
                errors.Add(EnforcementErrors.ContributionsDueRequired);
            }
            else if (months is < 1 or > 120)
            {
                errors.Add(EnforcementErrors.MonthsInvalid);
            }
            else
            {
                c.ContributionsDue = due;
                c.FineAmount = EnforcementLadder.Fine(due, rule.FineRatePerMonth ?? 0m, months);
            }
        }

        if (target == EnforcementStage.Referral)
        {
            var region = input.ProsecutorRegion?.Trim();
            if (region is null || region.Length != 5 || AreaDirectory.Embedded.Find(region) is null)
            {
                errors.Add(EnforcementErrors.ProsecutorRegionInvalid);
            }

            if (string.IsNullOrWhiteSpace(input.SkkNumber) || input.SkkNumber.Trim().Length > 100 || input.SkkDate is not { } skkDate || skkDate > today
                || string.IsNullOrWhiteSpace(input.StateAttorney) || input.StateAttorney.Trim().Length > 200)
            {
                errors.Add(EnforcementErrors.SkkRequired);
            }

            if (errors.Count == 0)
            {
                c.ProsecutorRegion = region;
                c.SkkNumber = input.SkkNumber!.Trim();
                c.SkkDate = input.SkkDate;
                c.StateAttorney = input.StateAttorney!.Trim();
            }
        }

        return errors;
    }
}
