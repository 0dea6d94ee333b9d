using Lindung.Data;
using Lindung.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Dashboard;

/// <summary>What a snapshot run did for one month.</summary>
internal sealed record SnapshotTaken(DateOnly Month, DateOnly AsOf, int Rows, bool Written);

/// <summary>
/// Writes monthly coverage snapshots. The current month is rewritten whenever asked (after an
/// import or a reconciliation, and daily), so its figures are at most a day old; a closed month is
/// written once, as of its last day, and then kept: a report for last March reads what was known at
/// the end of March even after later corrections, unless an admin asks to replace it.
/// </summary>
internal static class CoverageSnapshots
{
    // One writer at a time in this process: two refreshes racing (an import finishing while the
    // debounced refresh runs) would each delete and insert the month and leave it doubled.
    private static readonly SemaphoreSlim Writer = new(1, 1);

    /// <summary>
    /// The current month's snapshot, taken now when it does not exist yet (a new installation, or the
    /// first request of a month): every later request reads the stored rows.
    /// </summary>
    public static async Task EnsureCurrentAsync(LindungDbContext db, DateOnly today, CancellationToken ct)
    {
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        if (await db.CoverageSnapshots.AnyAsync(s => s.Month == thisMonth, ct))
        {
            return;
        }

        await Writer.WaitAsync(ct);
        try
        {
            if (!await db.CoverageSnapshots.AnyAsync(s => s.Month == thisMonth, ct))
            {
                await WriteAsync(db, thisMonth, today, ct);
            }
        }
        finally
        {
            Writer.Release();
        }
    }

    /// <summary>
    /// The call for other features: after a registry import or a reconciliation, refresh the current
    /// month and close last month if it was never closed.
    /// </summary>
    public static async Task<IReadOnlyList<SnapshotTaken>> RefreshAsync(LindungDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var today = clock.Today();
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var closed = await TakeAsync(db, thisMonth.AddMonths(-1), today, replace: false, ct);
        var current = await TakeAsync(db, thisMonth, today, replace: true, ct);
        return [closed, current];
    }

    /// <summary>
    /// Snapshots <paramref name="month"/> (its first day) as of its last day, or as of
    /// <paramref name="today"/> for the current month. A closed month that already has a snapshot is
    /// left alone unless <paramref name="replace"/>.
    /// </summary>
    public static async Task<SnapshotTaken> TakeAsync(LindungDbContext db, DateOnly month, DateOnly today, bool replace, CancellationToken ct)
    {
        month = new DateOnly(month.Year, month.Month, 1);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        if (month > thisMonth)
        {
            throw new ArgumentOutOfRangeException(nameof(month), month, "A month in the future cannot be snapshotted.");
        }

        var asOf = month == thisMonth ? today : month.AddMonths(1).AddDays(-1);
        var existing = db.CoverageSnapshots.Where(s => s.Month == month);
        if (month < thisMonth && !replace && await existing.AnyAsync(ct))
        {
            return new SnapshotTaken(month, asOf, await existing.CountAsync(ct), Written: false);
        }

        await Writer.WaitAsync(ct);
        try
        {
            return new SnapshotTaken(month, asOf, await WriteAsync(db, month, asOf, ct), Written: true);
        }
        finally
        {
            Writer.Release();
        }
    }

    /// <summary>Computes the month in the database and replaces its rows, in one transaction so a reader never sees half a month.</summary>
    private static async Task<int> WriteAsync(LindungDbContext db, DateOnly month, DateOnly asOf, CancellationToken ct)
    {
        var rows = await CoverageMeasures.ComputeAsync(db, asOf, ct);
        var takenAt = DateTime.UtcNow;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.CoverageSnapshots.Where(s => s.Month == month).ExecuteDeleteAsync(ct);
        foreach (var chunk in rows.Chunk(2000))
        {
            foreach (var row in chunk)
            {
                row.TakenAt = takenAt;
            }

            db.CoverageSnapshots.AddRange(chunk);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        await transaction.CommitAsync(ct);
        return rows.Count;
    }

    /// <summary>Closes every month from <paramref name="from"/> up to last month that has no snapshot yet, then refreshes this month.</summary>
    public static async Task<IReadOnlyList<SnapshotTaken>> BackfillAsync(LindungDbContext db, DateOnly from, DateOnly today, CancellationToken ct)
    {
        var taken = new List<SnapshotTaken>();
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= thisMonth; month = month.AddMonths(1))
        {
            taken.Add(await TakeAsync(db, month, today, replace: month == thisMonth, ct));
        }

        return taken;
    }
}
