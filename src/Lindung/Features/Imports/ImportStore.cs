using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Lindung.Data.Entities;

namespace Lindung.Features.Imports;

/// <summary>
/// What both providers share: creating the staging tables, merging a roster chunk by chunk while
/// the rows are still arriving, running the final statements with the scope's parameters on the
/// caller's connection and transaction, and reading the counts.
/// </summary>
internal abstract class ImportStore(DbConnection connection, DbTransaction transaction, int chunkRows, bool newRowsDirect) : IImportStore
{
    private readonly Dictionary<Guid, string> _agencyRegions = [];
    private int _stagedChunks;

    protected DbConnection Connection { get; } = connection;

    protected DbTransaction Transaction { get; } = transaction;

    /// <summary>Rows per merged roster chunk.</summary>
    protected int ChunkRows { get; } = chunkRows > 0 ? chunkRows : throw new ArgumentOutOfRangeException(nameof(chunkRows));

    public async Task<IStagingWriter> BeginStagingAsync(ImportKind kind, ChunkScope chunk, CancellationToken cancellationToken)
    {
        await PrepareSessionAsync(cancellationToken);
        foreach (var table in ImportStaging.Tables(kind))
        {
            await ExecuteAsync($"DROP TABLE IF EXISTS {TempSchema}.{table}", cancellationToken);
        }

        await ExecuteAsync(ImportStaging.CreateTable(kind, TypeName, TempSuffix), cancellationToken);
        if (kind == ImportKind.Roster)
        {
            await ExecuteAsync(ImportStaging.CreateRosterSeen(TypeName, TempSuffix), cancellationToken);
        }

        return kind == ImportKind.Roster
            ? new ChunkWriter(this, chunk)
            : await OpenWriterAsync(ImportStaging.MembersTable, ImportStaging.Loaded(ImportKind.Members), cancellationToken);
    }

    public async Task<MergeCounts> MergeAsync(ImportKind kind, MergeScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        IReadOnlyList<MergeStep> steps;
        if (kind == ImportKind.Roster)
        {
            await AnalyzeAsync(ImportStaging.RosterSeenTable, cancellationToken);
            steps = ImportMergeSql.RosterEnd(scope.Agencies.Count);
        }
        else
        {
            await AnalyzeAsync(ImportStaging.MembersTable, cancellationToken);
            steps = ImportMergeSql.Members;
        }

        var ended = 0;
        foreach (var step in steps)
        {
            await using var command = Command(step.Sql, scope);
            var affected = await command.ExecuteNonQueryAsync(cancellationToken);
            ended += step.CountsEnded ? affected : 0;
        }

        MergeCounts result;
        await using (var counts = Command(kind == ImportKind.Roster ? ImportMergeSql.RosterCounts : ImportMergeSql.MembersCounts, scope))
        await using (var reader = await counts.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            var valid = Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture);
            var inserted = Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture);
            var updated = Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture);
            result = new MergeCounts(inserted, updated, valid - inserted - updated, ended);
        }

        foreach (var table in ImportStaging.Tables(kind))
        {
            // Pooled connections outlive the import; the staging rows need not.
            await ExecuteAsync($"DROP TABLE {TempSchema}.{table}", cancellationToken);
        }

        return result;
    }

    public async Task<int> CountOpenJobsAsync(IReadOnlyList<Guid> agencies, CancellationToken cancellationToken)
    {
        if (agencies.Count == 0)
        {
            return 0;
        }

        var names = string.Join(", ", Enumerable.Range(0, agencies.Count).Select(i => string.Create(CultureInfo.InvariantCulture, $"@a{i}")));
        await using var command = Command($"SELECT COUNT(*) FROM employments WHERE valid_to IS NULL AND agency_id IN ({names})");
        for (var i = 0; i < agencies.Count; i++)
        {
            Add(command, string.Create(CultureInfo.InvariantCulture, $"a{i}"), agencies[i]);
        }

        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    public async Task<(string Fingerprint, IReadOnlyList<PlannedEnd> Sample)> ReadPlanAsync(
        Guid batchId, string summary, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(summary));
        await using (var ended = Command(ImportPlanSql.EndedIds, chunk: new ChunkScope(default, batchId)))
        await using (var reader = await ended.ExecuteReaderAsync(cancellationToken))
        {
            var id = new byte[16];
            while (await reader.ReadAsync(cancellationToken))
            {
                // Providers hand ids back differently (text on SQLite): the bytes of the parsed id are the same.
                var value = reader.GetValue(0);
                (value as Guid? ?? Guid.Parse((string)value)).TryWriteBytes(id);
                hash.AppendData(id);
            }
        }

        var sample = new List<PlannedEnd>();
        await using (var first = Command(ImportPlanSql.EndedSample, chunk: new ChunkScope(default, batchId)))
        {
            Add(first, "limit", ImportPlan.SampleSize);
            await using var reader = await first.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                sample.Add(new PlannedEnd(Domain.Identifiers.Nik.Mask(reader.GetString(0)), reader.GetString(1), reader.GetString(2)));
            }
        }

        return (Convert.ToHexStringLower(hash.GetHashAndReset()), sample);
    }

    /// <summary>The schema temp tables live in: named, so a DROP can never reach a real table.</summary>
    protected abstract string TempSchema { get; }

    /// <summary>What follows a CREATE TEMP TABLE on this provider.</summary>
    protected virtual string TempSuffix => string.Empty;

    /// <summary>The provider's SQL type for a staging column.</summary>
    protected abstract string TypeName(StagingType type);

    /// <summary>Session settings the import wants before its first temp table.</summary>
    protected virtual Task PrepareSessionAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A writer of rows into <paramref name="table"/> (a staging table or a real one), values in the order of <paramref name="columns"/>.</summary>
    protected abstract Task<IStagingWriter> OpenWriterAsync(string table, IReadOnlyList<StagingColumn> columns, CancellationToken cancellationToken);

    /// <summary>
    /// Whether this provider writes a chunk in which no row names a registered worker straight into
    /// the registry (<see cref="ImportNewRows"/>). Not by default: on SQLite one statement step per row
    /// costs more than the engine's own <c>INSERT … SELECT</c> from the staging table (docs/IMPORT.md, 2026-12-03).
    /// </summary>
    protected virtual bool WritesNewRowsStraight => false;

    /// <summary>Whether any of <paramref name="niks"/> is a registered worker's; asked only when <see cref="WritesNewRowsStraight"/>.</summary>
    protected virtual Task<bool> AnyRegisteredAsync(IReadOnlyList<string> niks, CancellationToken cancellationToken) =>
        throw new NotSupportedException("This provider stages every chunk.");

    /// <summary>
    /// Planner settings for a chunk's statements and how to undo them, where the provider needs them:
    /// every chunk statement should probe the registry's indexes for the chunk's rows.
    /// </summary>
    protected virtual (string Set, string Reset)? ChunkPlanSql => null;

    /// <summary>Statistics for the planner, where the provider needs them.</summary>
    protected virtual Task AnalyzeAsync(string table, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Empties the chunk table for the next chunk.</summary>
    protected abstract Task ClearAsync(string table, CancellationToken cancellationToken);

    /// <summary>A value as this provider stores it (ids and dates differ between providers).</summary>
    protected abstract object ToDb(object? value);

    protected async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    protected DbCommand Command(string sql, MergeScope? scope = null, ChunkScope? chunk = null)
    {
        var command = Connection.CreateCommand();
        command.Transaction = Transaction;
        command.CommandText = sql;
        command.CommandTimeout = 0;
        if (chunk is not null)
        {
            Add(command, "day", chunk.Day);
            Add(command, "batch", chunk.BatchId);
        }

        if (scope is not null)
        {
            Add(command, "day", scope.Day);
            Add(command, "batch", scope.BatchId);
            Add(command, "file", scope.FileName);
            Add(command, "sha", scope.Sha256);
            Add(command, "by", scope.By);
            Add(command, "at", scope.At);
            Add(command, "rows", scope.Rows);
            Add(command, "region", scope.Region);
            for (var i = 0; i < scope.Agencies.Count; i++)
            {
                Add(command, string.Create(CultureInfo.InvariantCulture, $"a{i}"), scope.Agencies[i]);
            }
        }

        return command;
    }

    /// <summary>Chunks are held whole until merged only when one may go straight into the registry.</summary>
    private bool HoldsChunks => newRowsDirect && WritesNewRowsStraight;

    private async Task MergeHeldChunkAsync(IReadOnlyList<object?[]> rows, IReadOnlyList<string> niks, ChunkScope chunk, CancellationToken cancellationToken)
    {
        if (!await AnyRegisteredAsync(niks, cancellationToken))
        {
            await WriteNewRowsAsync(rows, chunk, cancellationToken);
            return;
        }

        await using (var writer = await OpenRosterStagingAsync(cancellationToken))
        {
            foreach (var row in rows)
            {
                await writer.AddAsync(row, cancellationToken);
            }

            await writer.CompleteAsync(cancellationToken);
        }

        await MergeStagedChunkAsync(chunk, cancellationToken);
    }

    private async Task WriteNewRowsAsync(IReadOnlyList<object?[]> rows, ChunkScope chunk, CancellationToken cancellationToken)
    {
        foreach (var agency in rows.Select(ImportNewRows.AgencyOf).OfType<Guid>().Distinct().Where(a => !_agencyRegions.ContainsKey(a)).ToList())
        {
            _agencyRegions[agency] = await AgencyRegionAsync(agency, cancellationToken);
        }

        var context = new NewRowsContext(chunk.Day, chunk.BatchId, _agencyRegions);
        foreach (var table in ImportNewRows.Tables)
        {
            // One array per table, refilled for every row: writers copy the values before AddAsync returns.
            var values = new object?[table.Columns.Count];
            await using var writer = await OpenWriterAsync(table.Name, table.Columns, cancellationToken);
            foreach (var row in rows)
            {
                if (table.Fill(row, context, values))
                {
                    await writer.AddAsync(values, cancellationToken);
                }
            }

            await writer.CompleteAsync(cancellationToken);
        }
    }

    private async Task<string> AgencyRegionAsync(Guid agency, CancellationToken cancellationToken)
    {
        await using var command = Command("SELECT region_code FROM agencies WHERE id = @agency");
        Add(command, "agency", agency);
        // Validation matched the row to this agency inside the same transaction: it cannot be missing.
        return await command.ExecuteScalarAsync(cancellationToken) as string
            ?? throw new InvalidOperationException($"Agency {agency} is not in the registry.");
    }

    private Task<IStagingWriter> OpenRosterStagingAsync(CancellationToken cancellationToken) =>
        OpenWriterAsync(ImportStaging.RosterTable, ImportStaging.Loaded(ImportKind.Roster), cancellationToken);

    private async Task MergeStagedChunkAsync(ChunkScope chunk, CancellationToken cancellationToken)
    {
        // The chunks are alike: statistics from the first serve the rest (a cleared table keeps them).
        if (_stagedChunks++ == 0)
        {
            await AnalyzeAsync(ImportStaging.RosterTable, cancellationToken);
        }

        if (ChunkPlanSql is { } plan)
        {
            await ExecuteAsync(plan.Set, cancellationToken);
        }

        var registered = 0;
        foreach (var step in ImportMergeSql.RosterChunk)
        {
            if (step.OnlyRegistered && registered == 0)
            {
                continue;
            }

            await using var command = Command(step.Sql, chunk: chunk);
            var affected = await command.ExecuteNonQueryAsync(cancellationToken);
            if (step != ImportMergeSql.RosterChunk[0])
            {
                continue;
            }

            // The first statement finds the rows' registered workers: none, and the chunk is all new
            // people (nothing to check); some, and those outside the uploader's scope leave the merge here.
            registered = affected;
            if (registered > 0 && chunk.Writes is { Scope.Unrestricted: false } writes)
            {
                await RejectOutOfScopeAsync(writes, cancellationToken);
            }
        }

        if (ChunkPlanSql is { } reset)
        {
            await ExecuteAsync(reset.Reset, cancellationToken);
        }

        await ClearAsync(ImportStaging.RosterTable, cancellationToken);
    }

    private async Task RejectOutOfScopeAsync(WriteCheck writes, CancellationToken cancellationToken)
    {
        var rows = new List<int>();
        await using (var command = Command(ImportMergeSql.RosterOutOfScope(writes.Scope)))
        {
            for (var i = 0; i < writes.Scope.Agencies.Count; i++)
            {
                Add(command, string.Create(CultureInfo.InvariantCulture, $"s{i}"), writes.Scope.Agencies[i]);
            }

            for (var i = 0; i < writes.Scope.Regions.Count; i++)
            {
                Add(command, string.Create(CultureInfo.InvariantCulture, $"r{i}"), writes.Scope.Regions[i] + "%");
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture));
            }
        }

        if (rows.Count > 0)
        {
            rows.Sort();
            await writes.Rejected(rows, cancellationToken);
        }
    }

    private void Add(DbCommand command, string name, object? value)
    {
        // Only the parameters a statement names: PostgreSQL rejects unused typed parameters less than it infers them badly.
        if (!command.CommandText.Contains("@" + name, StringComparison.Ordinal))
        {
            return;
        }

        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = ToDb(value);
        command.Parameters.Add(parameter);
    }

    /// <summary>
    /// Hands a roster to the store <see cref="ChunkRows"/> rows at a time, and the rest when completed.
    /// Rows stream into the staging table as they arrive, unless a chunk of new people may go straight
    /// into the registry: then a chunk is held until it is whole, as only the whole chunk tells which way it goes.
    /// </summary>
    private sealed class ChunkWriter(ImportStore store, ChunkScope chunk) : IStagingWriter
    {
        private readonly List<object?[]> _held = [];

        // Taken while each row is still in the cache, not from the whole chunk once it is cold.
        private readonly List<string> _niks = [];
        private IStagingWriter? _staging;
        private int _rows;

        public async Task AddAsync(object?[] values, CancellationToken cancellationToken)
        {
            if (store.HoldsChunks)
            {
                _held.Add(values);
                if (ImportNewRows.NikOf(values) is { } nik)
                {
                    _niks.Add(nik);
                }
            }
            else
            {
                await (_staging ??= await store.OpenRosterStagingAsync(cancellationToken)).AddAsync(values, cancellationToken);
            }

            if (++_rows == store.ChunkRows)
            {
                await CompleteAsync(cancellationToken);
            }
        }

        public async Task CompleteAsync(CancellationToken cancellationToken)
        {
            if (_rows == 0)
            {
                return;
            }

            _rows = 0;
            if (store.HoldsChunks)
            {
                await store.MergeHeldChunkAsync(_held, _niks, chunk, cancellationToken);
                _held.Clear();
                _niks.Clear();
                return;
            }

            // The staging statement must end before the chunk's merge can run on this connection.
            await _staging!.CompleteAsync(cancellationToken);
            await DisposeAsync();
            await store.MergeStagedChunkAsync(chunk, cancellationToken);
        }

        public async ValueTask DisposeAsync()
        {
            if (_staging is not null)
            {
                await _staging.DisposeAsync();
                _staging = null;
            }
        }
    }
}
