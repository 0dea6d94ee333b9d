using Lindung.Application;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Budget;
using Lindung.Domain.Contributions;
using Lindung.Features.Shared;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Sponsors;

/// <summary>
/// A pledge as the sponsor page or the API gives it: the workers (ids from the waiting list), the first
/// month <c>YYYY-MM</c>, how many months, the declared income (null: the BPU minimum in force), the
/// programs (<c>JKK,JKM</c> or <c>JKK,JKM,JHT</c>) and the occupation (<c>transport</c> or <c>other</c>).
/// </summary>
internal sealed record PledgeInput(IReadOnlyList<Guid>? Workers, string? From, int? Months, long? Income, string? Programs, string? Occupation);

/// <summary>What one pledge created: a sponsorship per worker, and what the sponsor has promised in all.</summary>
internal sealed record PledgeResult(IReadOnlyList<Guid> Sponsorships, long Total, long FirstMonthPerWorker);

/// <summary>
/// A sponsor adopts vulnerable workers for a number of months. Each month is priced now with the BPU
/// rules in force in that month (the sponsor is not APBN/APBD, so the PP 50/2025 discount applies inside
/// its window), and written to the sponsor's ledger as pledged. A worker already sponsored for any of
/// those months is refused by name; everything or nothing is written.
/// </summary>
internal sealed class PledgeSponsorship(LindungDbContext db, RateBook rates, TimeProvider clock)
{
    public const int MaxWorkers = 500;

    public async Task<UseCaseResult<PledgeResult>> HandleAsync(Guid sponsorId, PledgeInput input, AccessScope scope, CancellationToken ct)
    {
        var sponsor = await SponsorAccess.Visible(db, scope).AsNoTracking().FirstOrDefaultAsync(s => s.Id == sponsorId, ct);
        if (sponsor is null)
        {
            return SponsorErrors.NotFound;
        }

        if (!SponsorAccess.Pledges(scope, sponsor))
        {
            return SponsorErrors.NotAllowed;
        }

        var today = clock.Today();
        var refusals = new List<UseCaseError>();
        var workerIds = (input.Workers ?? []).Distinct().ToList();
        if (workerIds.Count is 0 or > MaxWorkers)
        {
            refusals.Add(SponsorErrors.WorkersRequired);
        }

        if (!ContributionMonth.TryParse(input.From?.Trim(), out var from) || from < new ContributionMonth(today.Year, today.Month))
        {
            refusals.Add(SponsorErrors.MonthInvalid);
        }

        if (input.Months is not (> 0 and <= BudgetScenario.MaxMonths))
        {
            refusals.Add(SponsorErrors.MonthsInvalid);
        }

        var programs = ParsePrograms(input.Programs);
        if (programs is null)
        {
            refusals.Add(SponsorErrors.ProgramsInvalid);
        }

        var occupation = input.Occupation?.Trim().ToLowerInvariant() switch
        {
            null or "" or "other" => BpuSector.Other,
            "transport" => BpuSector.Transport,
            _ => (BpuSector?)null,
        };
        if (occupation is null)
        {
            refusals.Add(UseCaseError.Of(
                "SPONSOR_OCCUPATION_INVALID", "Pekerjaan: transport atau other.", "Occupation: transport or other.", "occupation"));
        }

        if (refusals.Count > 0)
        {
            return UseCaseResult<PledgeResult>.Refused([.. refusals]);
        }

        var months = input.Months!.Value;
        var income = input.Income ?? rates.BpuMinimumIncome(from);
        var group = new BudgetGroup("sponsorship", Segment.Bpu, 1, income, null, programs!, BudgetPayer.Sponsor, occupation!.Value);
        var (plan, problems) = BudgetPlanner.Plan(new BudgetScenario(from, months, [group]), rates);
        if (plan is null)
        {
            return UseCaseResult<PledgeResult>.Refused([.. problems.Select(p => new UseCaseError(p.Error, p.Field is null ? null : "income"))]);
        }

        var workers = await db.Workers.AsNoTracking()
            .Where(w => workerIds.Contains(w.Id) && w.RegionCode.StartsWith(sponsor.RegionCode))
            .Select(w => new { w.Id, w.Nik, w.Name, w.RegionCode })
            .ToListAsync(ct);
        if (workers.Count != workerIds.Count)
        {
            return SponsorErrors.WorkerNotFound;
        }

        var first = new DateOnly(from.Year, from.Month, 1);
        var end = first.AddMonths(months);
        var overlapping = await db.Sponsorships.AsNoTracking()
            .Where(s => workerIds.Contains(s.WorkerId) && s.FirstMonth < end)
            .Select(s => new { s.WorkerId, s.FirstMonth, s.Months })
            .ToListAsync(ct);
        var clashes = overlapping.Where(s => s.FirstMonth.AddMonths(s.Months) > first).ToList();
        if (clashes.Count > 0)
        {
            return UseCaseResult<PledgeResult>.Refused([.. clashes.Select(c =>
            {
                var worker = workers.First(w => w.Id == c.WorkerId);
                return SponsorErrors.AlreadySponsored(Lindung.Domain.Identifiers.Nik.Mask(worker.Nik), worker.Name, c.FirstMonth.AddMonths(c.Months).AddDays(-1));
            })]);
        }

        var priced = plan.Groups[0].ByMonth;
        var created = new List<Guid>(workers.Count);
        foreach (var worker in workers)
        {
            var sponsorship = new Sponsorship
            {
                SponsorId = sponsor.Id,
                WorkerId = worker.Id,
                FirstMonth = first,
                Months = months,
                MonthlyIncome = income,
                Programs = ProgramsText(programs!),
                Occupation = occupation.Value,
                PledgedOn = today,
                RegionCode = worker.RegionCode[..5],
            };
            db.Sponsorships.Add(sponsorship);
            db.SponsoredMonths.AddRange(LedgerMonths(sponsorship, priced));
            created.Add(sponsorship.Id);
        }

        await db.SaveChangesAsync(ct);
        return UseCaseResult<PledgeResult>.Ok(new PledgeResult(created, plan.Total * workers.Count, plan.Groups[0].PerWorkerFirstMonth));
    }

    /// <summary>A sponsorship's months as its sponsor's ledger holds them: each priced month pledged, not yet invoiced or paid.</summary>
    public static IEnumerable<SponsoredMonth> LedgerMonths(Sponsorship sponsorship, IEnumerable<BudgetMonth> priced) =>
        priced.Select(m => new SponsoredMonth
        {
            SponsorshipId = sponsorship.Id,
            SponsorId = sponsorship.SponsorId,
            Month = new DateOnly(m.Month.Year, m.Month.Month, 1),
            Amount = m.Amount,
            RegionCode = sponsorship.RegionCode,
        });

    /// <summary>JKK and JKM always (the BPU minimum), JHT optional; any order, comma- or space-separated.</summary>
    public static IReadOnlyList<ContributionProgram>? ParsePrograms(string? text)
    {
        var parts = (text ?? "JKK,JKM").Split([',', ' ', '+'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToList();
        var programs = new List<ContributionProgram>();
        foreach (var part in parts)
        {
            ContributionProgram? program = part switch
            {
                "JKK" => ContributionProgram.Jkk,
                "JKM" => ContributionProgram.Jkm,
                "JHT" => ContributionProgram.Jht,
                _ => null,
            };
            if (program is null)
            {
                return null;
            }

            programs.Add(program.Value);
        }

        return programs.Contains(ContributionProgram.Jkk) && programs.Contains(ContributionProgram.Jkm) ? [.. programs.Order()] : null;
    }

    public static string ProgramsText(IEnumerable<ContributionProgram> programs) =>
        string.Join(',', programs.Select(p => p.ToString().ToUpperInvariant()));
}
