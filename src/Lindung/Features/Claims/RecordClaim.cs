using Lindung.Application;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Claims;
using Lindung.Domain.Contributions;
using Lindung.Domain.Rosters;
using Lindung.Features.Shared;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Claims;

/// <summary>A claim as entered: the worker by NIK, the benefit, the event and, as they happen, the filing and the documents.</summary>
internal sealed record ClaimInput(string? Nik, string? Kind, bool Death, DateOnly? EventDate, DateOnly? ClaimDate, DateOnly? DocumentsCompleteOn, long? MonthlyWage);

/// <summary>
/// Records a claim of a worker the caller may see, and decides at once whether an active membership with
/// that benefit's program covered the worker on the event day. When none did, the employer on record
/// that day (an agency, for non-ASN staff) carries the benefit itself: the liability is estimated from
/// the benefit book on the job's wage (or the wage entered) and shown beside coverage.
/// </summary>
internal sealed class RecordClaim(LindungDbContext db, TimeProvider clock, RateBook rates)
{
    public async Task<UseCaseResult<BenefitClaim>> HandleAsync(ClaimInput input, AccessScope scope, CancellationToken ct)
    {
        if (!ClaimsAccess.Records(scope))
        {
            return ClaimErrors.NotFound;
        }

        var errors = new List<UseCaseError>();
        var claim = await CheckAsync(input, scope, clock.Today(), errors, ct);
        if (claim is null)
        {
            return UseCaseResult<BenefitClaim>.Refused([.. errors]);
        }

        db.Claims.Add(claim);
        await db.SaveChangesAsync(ct);
        return UseCaseResult<BenefitClaim>.Ok(claim);
    }

    /// <summary>
    /// The rules every claim passes, entered here or read from a branch extract (<see cref="ImportClaims"/>):
    /// each failure is added to <paramref name="errors"/>. When none fails, the claim (not yet added to
    /// the context) with its coverage on the event day, its employer and the liability decided.
    /// </summary>
    public async Task<BenefitClaim?> CheckAsync(ClaimInput input, AccessScope scope, DateOnly today, List<UseCaseError> errors, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(errors);
        var before = errors.Count;
        var kind = ParseKind(input.Kind);
        if (kind is null)
        {
            errors.Add(ClaimErrors.KindInvalid);
        }

        if (input.EventDate is not { } eventDate || eventDate > today)
        {
            errors.Add(ClaimErrors.EventDateInvalid);
        }
        else if (!InOrder(eventDate, input.ClaimDate, input.DocumentsCompleteOn, null, today))
        {
            errors.Add(ClaimErrors.DatesOutOfOrder);
        }

        if (input.MonthlyWage is <= 0)
        {
            errors.Add(ClaimErrors.WageInvalid);
        }

        var nik = input.Nik?.Trim();
        var worker = string.IsNullOrEmpty(nik) ? null : await db.WorkersFor(scope).AsNoTracking().FirstOrDefaultAsync(w => w.Nik == nik, ct);
        if (worker is null)
        {
            errors.Add(ClaimErrors.WorkerNotFound);
        }

        if (errors.Count > before)
        {
            return null;
        }

        var day = input.EventDate!.Value;
        var program = kind == ClaimKind.Jkk ? ProgramSet.Jkk : kind == ClaimKind.Jkm ? ProgramSet.Jkm : kind == ClaimKind.Jht ? ProgramSet.Jht : ProgramSet.Jp;
        var programs = await db.Memberships.AsNoTracking().Where(m => m.WorkerId == worker!.Id).CoveredOn(day).Select(m => m.Programs).ToListAsync(ct);
        var covered = programs.Any(p => (p & program) == program);
        var job = await db.Employments.AsNoTracking().Where(e => e.WorkerId == worker!.Id).ValidOn(day)
            .OrderByDescending(e => e.MonthlyWage).Select(e => new { e.AgencyId, e.MonthlyWage, e.RegionCode }).FirstOrDefaultAsync(ct);
        if (scope.OperatesAgency && job?.AgencyId != scope.AgencyId)
        {
            errors.Add(ClaimErrors.WorkerNotFound);
            return null;
        }

        var wage = input.MonthlyWage ?? (job is { MonthlyWage: > 0 } ? job.MonthlyWage : null);
        return new BenefitClaim
        {
            WorkerId = worker!.Id,
            Kind = kind!.Value,
            Death = input.Death || kind == ClaimKind.Jkm,
            EventDate = day,
            ClaimDate = input.ClaimDate,
            DocumentsCompleteOn = input.DocumentsCompleteOn,
            Status = input.DocumentsCompleteOn is not null ? ClaimStatus.Complete : input.ClaimDate is not null ? ClaimStatus.Submitted : ClaimStatus.Reported,
            CoveredOnEvent = covered,
            MonthlyWage = wage,
            // The book in force on the event day; none before the amounts the rate book holds: not estimable.
            Liability = covered ? null : BenefitBook.InForce(rates, day)?.UncoveredLiability(kind.Value, input.Death || kind == ClaimKind.Jkm, wage),
            AgencyId = job?.AgencyId,
            RecordedBy = scope.UserName,
            RegionCode = (job?.RegionCode ?? worker.RegionCode)[..5],
        };
    }

    public static ClaimKind? ParseKind(string? code) =>
        EnumCodes<ClaimKind>.ParseName(code);

    /// <summary>Event ≤ filed ≤ documents complete ≤ paid, each only when given, none after today.</summary>
    public static bool InOrder(DateOnly eventDate, DateOnly? filed, DateOnly? complete, DateOnly? paid, DateOnly today)
    {
        var last = eventDate;
        foreach (var day in new[] { filed, complete, paid })
        {
            if (day is not { } d)
            {
                continue;
            }

            if (d < last || d > today)
            {
                return false;
            }

            last = d;
        }

        return true;
    }
}
