using System.Data.Common;
using Npgsql;
using NpgsqlTypes;

namespace Lindung.Features.Imports;

/// <summary>
/// PostgreSQL: rows stream into a TEMP table (dropped on commit) through binary COPY, inside the
/// caller's transaction, one COPY per chunk; the merge then runs set-based against the real tables.
/// </summary>
internal sealed class PostgresImportStore(DbConnection connection, DbTransaction transaction, int chunkRows) : ImportStore(connection, transaction, chunkRows)
{
    protected override string TempSchema => "pg_temp";

    protected override string TempSuffix => " ON COMMIT DROP";

    protected override Task PrepareSessionAsync(CancellationToken cancellationToken) =>
        // Temp tables live in per-session buffers, 8 MB by default: a large staging table then goes
        // through the disk on every pass of the merge. The size can only be set before the session's
        // first temp table, so a pooled session that already had one keeps what it had.
        ExecuteAsync("DO $$ BEGIN PERFORM set_config('temp_buffers', '256MB', false); EXCEPTION WHEN OTHERS THEN NULL; END $$", cancellationToken);

    protected override Task<IStagingWriter> OpenWriterAsync(
        string table, IReadOnlyList<StagingColumn> columns, Func<CancellationToken, Task>? chunk, CancellationToken cancellationToken)
    {
        var copy = $"COPY {table} ({string.Join(", ", columns.Select(c => c.Name))}) FROM STDIN (FORMAT BINARY)";
        return Task.FromResult<IStagingWriter>(new Writer((NpgsqlConnection)Connection, copy, [.. columns.Select(c => DbType(c.Type))], chunk, ChunkRows));
    }

    // The registry's statistics lag behind the rows this import adds (a first import of a million
    // rows still looks like an empty workers table to the planner), so it hash-joins each chunk to a
    // full scan of workers: quadratic over the file. Looking a chunk's rows up through the registry's
    // indexes costs the chunk's size, however large the registry has grown.
    protected override (string Set, string Reset)? ChunkPlanSql =>
        ("SET enable_hashjoin = off; SET enable_mergejoin = off", "RESET enable_hashjoin; RESET enable_mergejoin");

    // A fresh temp table has no statistics; without them the planner guesses nested loops.
    protected override Task AnalyzeAsync(string table, CancellationToken cancellationToken) => ExecuteAsync($"ANALYZE {table}", cancellationToken);

    // TRUNCATE, not DELETE: temp tables are never vacuumed, dead rows would pile up chunk after chunk.
    protected override Task ClearAsync(string table, CancellationToken cancellationToken) => ExecuteAsync($"TRUNCATE {table}", cancellationToken);

    protected override object ToDb(object? value) => value ?? DBNull.Value;

    protected override string TypeName(StagingType type) => type switch
    {
        StagingType.Integer => "bigint",
        StagingType.Date => "date",
        StagingType.Id => "uuid",
        _ => "text",
    };

    private static NpgsqlDbType DbType(StagingType type) => type switch
    {
        StagingType.Integer => NpgsqlDbType.Bigint,
        StagingType.Date => NpgsqlDbType.Date,
        StagingType.Id => NpgsqlDbType.Uuid,
        _ => NpgsqlDbType.Text,
    };

    private sealed class Writer(NpgsqlConnection connection, string copy, NpgsqlDbType[] types, Func<CancellationToken, Task>? chunk, int chunkRows) : IStagingWriter
    {
        private NpgsqlBinaryImporter? _importer;
        private int _rows;

        public async Task AddAsync(object?[] values, CancellationToken cancellationToken)
        {
            var importer = _importer ??= await connection.BeginBinaryImportAsync(copy, cancellationToken);
            Write(importer, values);
            if (chunk is not null && ++_rows == chunkRows)
            {
                await FlushAsync(cancellationToken);
            }
        }

        public Task CompleteAsync(CancellationToken cancellationToken) => FlushAsync(cancellationToken);

        // Synchronous and typed: each value goes into the importer's buffer, which only reaches the
        // socket when full. An awaited write per value, or a value typed object (its converter looked
        // up again for every value), cost more than the server spends storing the row.
        private void Write(NpgsqlBinaryImporter importer, object?[] values)
        {
            importer.StartRow();
            for (var i = 0; i < values.Length; i++)
            {
                switch (values[i])
                {
                    case null:
                        importer.WriteNull();
                        break;
                    case int number:
                        importer.Write((long)number, types[i]);
                        break;
                    case long number:
                        importer.Write(number, types[i]);
                        break;
                    case string text:
                        importer.Write(text, types[i]);
                        break;
                    case Guid id:
                        importer.Write(id, types[i]);
                        break;
                    case DateOnly day:
                        importer.Write(day, types[i]);
                        break;
                    case var value:
                        importer.Write(value, types[i]);
                        break;
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (_importer is not null)
            {
                await _importer.DisposeAsync();
                _importer = null;
            }
        }

        private async Task FlushAsync(CancellationToken cancellationToken)
        {
            // One COPY per chunk: the statement must end before the chunk's merge can run on this connection.
            if (_importer is not null)
            {
                await _importer.CompleteAsync(cancellationToken);
                await DisposeAsync();
            }

            if (chunk is not null && _rows > 0)
            {
                _rows = 0;
                await chunk(cancellationToken);
            }
        }
    }
}
