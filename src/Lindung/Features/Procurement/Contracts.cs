using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Contributions;
using Lindung.Domain.Procurement;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Procurement;

/// <summary>Contracts as one caller may read them, and the facts every contract use case shares.</summary>
internal static class Contracts
{
    /// <summary>The caller's contracts with agency, contractor, stages and workers, newest first.</summary>
    public static IQueryable<Contract> For(LindungDbContext db, AccessScope scope) =>
        db.ContractsFor(scope).Include(c => c.Agency).Include(c => c.Contractor).Include(c => c.Stages).Include(c => c.Workers).AsSplitQuery();

    public static Task<Contract?> FindAsync(LindungDbContext db, AccessScope scope, Guid id, CancellationToken ct) =>
        For(db, scope).FirstOrDefaultAsync(c => c.Id == id, ct);

    /// <summary>
    /// Where a contract's contractor is looked up and its workers' memberships read: the agency's
    /// province, whoever asks, so the gate gives every caller the same answer and a commitment
    /// officer (who sees no region) can name a contractor registered anywhere in the province.
    /// </summary>
    public static string LookupRegion(string agencyRegion) => agencyRegion[..2];

    /// <summary>The Jakon contribution due for a construction contract (contract-value method, rates of its first month); null when no rates are in force.</summary>
    public static long? JakonDue(RateBook book, long value, DateOnly start)
    {
        if (value <= 0)
        {
            return null;
        }

        try
        {
            return JakonCalculator.Calculate(new JakonContractRequest(new ContributionMonth(start.Year, start.Month), value), book).Total;
        }
        catch (ContributionException)
        {
            return null;
        }
    }

    public static long? JakonDue(RateBook book, Contract contract) =>
        contract.Kind == ContractKind.Konstruksi ? JakonDue(book, contract.Value, contract.StartDate) : null;

    /// <summary>
    /// Whether a contract is unprotected today: construction without Jakon registration or not paid
    /// in full, other services whose workers are unassigned or not all active PU participants of the
    /// contractor. Goods never are. Decided by <see cref="PaymentGate"/>, as the gate would for its first stage.
    /// </summary>
    public static bool Unprotected(ContractGateFacts facts) =>
        facts.Kind != ContractKind.Barang && !PaymentGate.Decide(facts with { StageNumbers = [0] }, 0).Payable;

    /// <summary>The unprotected ones among contracts loaded with their stages, workers and contractor.</summary>
    public static async Task<HashSet<Guid>> UnprotectedAsync(LindungDbContext db, RateBook book, IEnumerable<Contract> contracts, DateOnly today, CancellationToken ct)
    {
        var unprotected = new HashSet<Guid>();
        foreach (var contract in contracts.Where(c => c.Kind != ContractKind.Barang))
        {
            if (Unprotected(await CheckPaymentGate.FactsAsync(db, book, contract, today, ct)))
            {
                unprotected.Add(contract.Id);
            }
        }

        return unprotected;
    }
}

/// <summary>Contracts of one agency or region and those of them left unprotected, with the value at risk (rupiah).</summary>
internal sealed record ContractRisk(string Key, int Contracts, int Unprotected, long ValueAtRisk)
{
    /// <summary>
    /// Counts per key (an agency, a region) over the contracts given: every construction and
    /// other-services contract the gate would refuse today is unprotected; its value is at risk.
    /// </summary>
    public static async Task<IReadOnlyList<ContractRisk>> ByAsync(
        LindungDbContext db, RateBook book, IReadOnlyList<Contract> contracts, Func<Contract, string> key, DateOnly today, CancellationToken ct)
    {
        var unprotected = await Procurement.Contracts.UnprotectedAsync(db, book, contracts, today, ct);
        return [.. contracts.GroupBy(key, StringComparer.Ordinal)
            .Select(g => new ContractRisk(
                g.Key,
                g.Count(),
                g.Count(c => unprotected.Contains(c.Id)),
                g.Where(c => unprotected.Contains(c.Id)).Sum(c => c.Value)))
            .OrderByDescending(r => r.ValueAtRisk).ThenBy(r => r.Key, StringComparer.Ordinal)];
    }
}
