using System.Globalization;

namespace Lindung.Data;

/// <summary>
/// A PostgreSQL snapshot as <c>pg_current_snapshot()::text</c> writes it (<c>xmin:xmax:xip,…</c>):
/// every transaction id below <see cref="Xmax"/> has ended except those in <see cref="Running"/>.
/// Read-only transactions get no id, so two snapshots differ only by transactions that wrote.
/// </summary>
internal sealed record PostgresSnapshot(ulong Xmax, IReadOnlySet<ulong> Running)
{
    /// <summary>Past this many ids between two snapshots, their difference is not worth listing.</summary>
    public const int MaxSpan = 64;

    public static PostgresSnapshot? Parse(string text)
    {
        var parts = text.Split(':');
        if (parts.Length != 3 || !ulong.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var xmax))
        {
            return null;
        }

        var running = new HashSet<ulong>();
        foreach (var id in parts[2].Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!ulong.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var xid))
            {
                return null;
            }

            running.Add(xid);
        }

        return new PostgresSnapshot(xmax, running);
    }

    /// <summary>
    /// The transactions that ended between this snapshot and <paramref name="later"/> (committed or
    /// rolled back: a snapshot cannot tell, and counting a rollback only costs a cache refill), or null
    /// when they are too many to list.
    /// </summary>
    public IReadOnlySet<ulong>? EndedBefore(PostgresSnapshot later)
    {
        ArgumentNullException.ThrowIfNull(later);
        if (later.Xmax < Xmax || later.Xmax - Xmax > MaxSpan)
        {
            return null;
        }

        var ended = new HashSet<ulong>(Running.Where(id => !later.Running.Contains(id)));
        for (var id = Xmax; id < later.Xmax; id++)
        {
            if (!later.Running.Contains(id))
            {
                ended.Add(id);
            }
        }

        return ended;
    }
}
