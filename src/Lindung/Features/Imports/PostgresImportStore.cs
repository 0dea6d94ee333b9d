using System.Data.Common;
using Npgsql;
using NpgsqlTypes;

namespace Lindung.Features.Imports;

/// <summary>
/// PostgreSQL: rows stream into a TEMP table (dropped on commit) through binary COPY, inside the
/// caller's transaction, one COPY per chunk; the merge then runs set-based against the real tables.
/// A chunk of new people only is copied straight into the real tables (<see cref="ImportNewRows"/>).
/// </summary>
internal sealed class PostgresImportStore(DbConnection connection, DbTransaction transaction, int chunkRows, bool newRowsDirect)
    : ImportStore(connection, transaction, chunkRows, newRowsDirect)
{
    protected override string TempSchema => "pg_temp";

    protected override string TempSuffix => " ON COMMIT DROP";

    protected override Task PrepareSessionAsync(CancellationToken cancellationToken) =>
        // Temp tables live in per-session buffers, 8 MB by default: a large staging table then goes
        // through the disk on every pass of the merge. The size can only be set before the session's
        // first temp table, so a pooled session that already had one keeps what it had.
        ExecuteAsync("DO $$ BEGIN PERFORM set_config('temp_buffers', '256MB', false); EXCEPTION WHEN OTHERS THEN NULL; END $$", cancellationToken);

    protected override Task<IStagingWriter> OpenWriterAsync(string table, IReadOnlyList<StagingColumn> columns, CancellationToken cancellationToken)
    {
        var copy = $"COPY {table} ({string.Join(", ", columns.Select(c => c.Name))}) FROM STDIN (FORMAT BINARY)";
        return Task.FromResult<IStagingWriter>(new Writer((NpgsqlConnection)Connection, copy, [.. columns.Select(c => DbType(c.Type))]));
    }

    // Saves the staging write and read: about a tenth of the server's time on a first import (docs/IMPORT.md, 2026-12-03).
    protected override bool WritesNewRowsStraight => true;

    protected override async Task<bool> AnyRegisteredAsync(IReadOnlyList<string> niks, CancellationToken cancellationToken)
    {
        // The same lagging statistics (see ChunkPlanSql) would have the planner scan all of workers
        // for every chunk; only the NIK index keeps the look-up at the chunk's size.
        await ExecuteAsync("SET enable_seqscan = off", cancellationToken);
        // One text of NIKs (digits only: a NIK is only named once it is valid) costs the client a fraction of a text[] parameter.
        await using var command = Command("SELECT EXISTS (SELECT 1 FROM workers WHERE nik = ANY(string_to_array(@niks, ',')))");
        command.Parameters.Add(new NpgsqlParameter<string>("niks", NpgsqlDbType.Text) { TypedValue = string.Join(',', niks) });
        var registered = (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
        await ExecuteAsync("RESET enable_seqscan", cancellationToken);
        return registered;
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

    /// <summary>One COPY per writer: the statement must end before the next one can run on this connection.</summary>
    private sealed class Writer(NpgsqlConnection connection, string copy, NpgsqlDbType[] types) : IStagingWriter
    {
        private NpgsqlBinaryImporter? _importer;

        public async Task AddAsync(object?[] values, CancellationToken cancellationToken) =>
            Write(_importer ??= await BeginAsync(cancellationToken), values);

        public async Task CompleteAsync(CancellationToken cancellationToken)
        {
            if (_importer is not null)
            {
                await _importer.CompleteAsync(cancellationToken);
                await DisposeAsync();
            }
        }

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

        private async Task<NpgsqlBinaryImporter> BeginAsync(CancellationToken cancellationToken)
        {
            var importer = await connection.BeginBinaryImportAsync(copy, cancellationToken);
            // No time limit, as for the import's other statements: completing a COPY into the registry
            // runs the chunk's foreign-key checks, which a loaded server may take longer than 30 s over.
            importer.Timeout = TimeSpan.Zero;
            return importer;
        }

        public async ValueTask DisposeAsync()
        {
            if (_importer is not null)
            {
                await _importer.DisposeAsync();
                _importer = null;
            }
        }
    }
}
