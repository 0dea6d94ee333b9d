using System.Data.Common;
using System.Globalization;

namespace Lindung.Features.Imports;

/// <summary>
/// What both providers share: creating the staging tables, merging a roster chunk by chunk while
/// the rows are still arriving, running the final statements with the scope's parameters on the
/// caller's connection and transaction, and reading the counts.
/// </summary>
internal abstract class ImportStore(DbConnection connection, DbTransaction transaction, int chunkRows) : IImportStore
{
    private int _chunks;

    protected DbConnection Connection { get; } = connection;

    protected DbTransaction Transaction { get; } = transaction;

    /// <summary>Rows per merged roster chunk.</summary>
    protected int ChunkRows { get; } = chunkRows > 0 ? chunkRows : throw new ArgumentOutOfRangeException(nameof(chunkRows));

    public async Task<IStagingWriter> BeginStagingAsync(ImportKind kind, DateOnly day, CancellationToken cancellationToken)
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

        var loaded = ImportStaging.Columns(kind).Where(c => c.Loaded).ToList();
        Func<CancellationToken, Task>? chunk = kind == ImportKind.Roster ? token => MergeRosterChunkAsync(day, token) : null;
        return await OpenWriterAsync(ImportStaging.Table(kind), loaded, chunk, cancellationToken);
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

    /// <summary>The schema temp tables live in: named, so a DROP can never reach a real table.</summary>
    protected abstract string TempSchema { get; }

    /// <summary>What follows a CREATE TEMP TABLE on this provider.</summary>
    protected virtual string TempSuffix => string.Empty;

    /// <summary>The provider's SQL type for a staging column.</summary>
    protected abstract string TypeName(StagingType type);

    /// <summary>Session settings the import wants before its first temp table.</summary>
    protected virtual Task PrepareSessionAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// A writer into <paramref name="table"/>; it calls <paramref name="chunk"/> (when given) after
    /// every <see cref="ChunkRows"/> rows and once more for the rest when completed.
    /// </summary>
    protected abstract Task<IStagingWriter> OpenWriterAsync(
        string table, IReadOnlyList<StagingColumn> columns, Func<CancellationToken, Task>? chunk, CancellationToken cancellationToken);

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

    protected DbCommand Command(string sql, MergeScope? scope = null, DateOnly? day = null)
    {
        var command = Connection.CreateCommand();
        command.Transaction = Transaction;
        command.CommandText = sql;
        command.CommandTimeout = 0;
        if (day is { } chunkDay)
        {
            Add(command, "day", chunkDay);
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

    private async Task MergeRosterChunkAsync(DateOnly day, CancellationToken cancellationToken)
    {
        // The chunks are alike: statistics from the first serve the rest (a cleared table keeps them).
        if (_chunks++ == 0)
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

            await using var command = Command(step.Sql, day: day);
            var affected = await command.ExecuteNonQueryAsync(cancellationToken);
            // The first statement finds the rows' registered workers: none, and the chunk is all new people.
            registered = step == ImportMergeSql.RosterChunk[0] ? affected : registered;
        }

        if (ChunkPlanSql is { } reset)
        {
            await ExecuteAsync(reset.Reset, cancellationToken);
        }

        await ClearAsync(ImportStaging.RosterTable, cancellationToken);
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
}
