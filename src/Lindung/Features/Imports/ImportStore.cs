using System.Data.Common;
using System.Globalization;

namespace Lindung.Features.Imports;

/// <summary>
/// What both providers share: running the merge statements with the scope's parameters on the
/// caller's connection and transaction, and reading the counts.
/// </summary>
internal abstract class ImportStore(DbConnection connection, DbTransaction transaction) : IImportStore
{
    protected DbConnection Connection { get; } = connection;

    protected DbTransaction Transaction { get; } = transaction;

    public abstract Task<IStagingWriter> BeginStagingAsync(ImportKind kind, CancellationToken cancellationToken);

    public async Task<MergeCounts> MergeAsync(ImportKind kind, MergeScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await BeforeMergeAsync(kind, cancellationToken);
        var steps = kind == ImportKind.Roster ? ImportMergeSql.Roster(scope.Agencies.Count) : ImportMergeSql.Members;
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

        await using (var drop = Command($"DROP TABLE {TempSchema}.{ImportStaging.Table(kind)}"))
        {
            // Pooled connections outlive the import; the staging rows need not.
            await drop.ExecuteNonQueryAsync(cancellationToken);
        }

        return result;
    }

    /// <summary>The schema temp tables live in: named, so a DROP can never reach a real table.</summary>
    protected abstract string TempSchema { get; }

    /// <summary>Provider work between loading and merging, e.g. statistics for the planner.</summary>
    protected virtual Task BeforeMergeAsync(ImportKind kind, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A value as this provider stores it (ids and dates differ between providers).</summary>
    protected abstract object ToDb(object? value);

    protected DbCommand Command(string sql, MergeScope? scope = null)
    {
        var command = Connection.CreateCommand();
        command.Transaction = Transaction;
        command.CommandText = sql;
        command.CommandTimeout = 0;
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
