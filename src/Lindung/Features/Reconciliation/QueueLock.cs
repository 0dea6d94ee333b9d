using Lindung.Data;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Reconciliation;

/// <summary>
/// The lock that makes "is a run of this scope already queued? if not, queue one" one step across every
/// process on the database. Take it inside a transaction; it is released when the transaction ends.
/// </summary>
internal static class QueueLock
{
    /// <summary>An arbitrary key that no other advisory lock of the app uses.</summary>
    private const long Key = 0x4C494E44_52554E51; // "LINDRUNQ"

    public static async Task TakeAsync(LindungDbContext db, CancellationToken ct)
    {
        // SQLite needs nothing more: the transaction began IMMEDIATE and holds the database's one write lock.
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({Key})", ct);
        }
    }
}
