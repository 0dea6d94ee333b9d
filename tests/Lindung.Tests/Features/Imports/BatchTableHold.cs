using Npgsql;

#pragma warning disable CA1716
namespace Lindung.Tests.Features.Imports;
#pragma warning restore CA1716

/// <summary>A test's lock on the batch table; disposing it rolls back and lets waiting imports go on.</summary>
internal sealed class BatchTableHold(NpgsqlConnection connection, NpgsqlTransaction transaction) : IAsyncDisposable
{
    /// <summary>Waits until another session queues behind this lock: the import has merged and cannot commit.</summary>
    public async Task<bool> WaitForWaiterAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            await using var command = new NpgsqlCommand(
                "SELECT count(*) FROM pg_locks WHERE NOT granted AND relation = 'import_batches'::regclass", connection, transaction);
            if ((long)(await command.ExecuteScalarAsync() ?? 0L) > 0)
            {
                return true;
            }

            await Task.Delay(50);
        }

        return false;
    }

    public async ValueTask DisposeAsync()
    {
        await transaction.RollbackAsync();
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }
}
