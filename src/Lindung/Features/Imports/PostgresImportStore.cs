using System.Data.Common;
using Npgsql;
using NpgsqlTypes;

namespace Lindung.Features.Imports;

/// <summary>
/// PostgreSQL: rows stream into a TEMP table (dropped on commit) through one binary COPY, inside
/// the caller's transaction; the merge then runs set-based against the real tables.
/// </summary>
internal sealed class PostgresImportStore(DbConnection connection, DbTransaction transaction) : ImportStore(connection, transaction)
{
    public override async Task<IStagingWriter> BeginStagingAsync(ImportKind kind, CancellationToken cancellationToken)
    {
        // Temp tables live in per-session buffers, 8 MB by default: a large staging table then goes
        // through the disk on every pass of the merge. The size can only be set before the session's
        // first temp table, so a pooled session that already had one keeps what it had.
        await using (var buffers = Command(
            "DO $$ BEGIN PERFORM set_config('temp_buffers', '256MB', false); EXCEPTION WHEN OTHERS THEN NULL; END $$"))
        {
            await buffers.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var drop = Command($"DROP TABLE IF EXISTS {TempSchema}.{ImportStaging.Table(kind)}"))
        {
            await drop.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var create = Command(ImportStaging.CreateTable(kind, TypeName, " ON COMMIT DROP")))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var loaded = ImportStaging.Columns(kind).Where(c => c.Loaded).ToList();
        var copy = $"COPY {ImportStaging.Table(kind)} ({string.Join(", ", loaded.Select(c => c.Name))}) FROM STDIN (FORMAT BINARY)";
        var importer = await ((NpgsqlConnection)Connection).BeginBinaryImportAsync(copy, cancellationToken);
        return new Writer(importer, loaded.Select(c => DbType(c.Type)).ToArray());
    }

    protected override async Task BeforeMergeAsync(ImportKind kind, CancellationToken cancellationToken)
    {
        // A fresh temp table has no statistics; without them the planner guesses nested loops.
        await using var analyze = Command($"ANALYZE {ImportStaging.Table(kind)}");
        await analyze.ExecuteNonQueryAsync(cancellationToken);
    }

    protected override string TempSchema => "pg_temp";

    protected override object ToDb(object? value) => value ?? DBNull.Value;

    private static string TypeName(StagingType type) => type switch
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

    private sealed class Writer(NpgsqlBinaryImporter importer, NpgsqlDbType[] types) : IStagingWriter
    {
        public async Task AddAsync(object?[] values, CancellationToken cancellationToken)
        {
            await importer.StartRowAsync(cancellationToken);
            for (var i = 0; i < values.Length; i++)
            {
                switch (values[i])
                {
                    case null:
                        await importer.WriteNullAsync(cancellationToken);
                        break;
                    case int number:
                        await importer.WriteAsync((long)number, types[i], cancellationToken);
                        break;
                    case var value:
                        await importer.WriteAsync(value, types[i], cancellationToken);
                        break;
                }
            }
        }

        public async Task CompleteAsync(CancellationToken cancellationToken)
        {
            await importer.CompleteAsync(cancellationToken);
            await importer.DisposeAsync();
        }

        public ValueTask DisposeAsync() => importer.DisposeAsync();
    }
}
