using Lindung.Data.Entities;
namespace Lindung.Features.Imports;

/// <summary>The value kinds a staging column holds; each provider names its own SQL type for them.</summary>
internal enum StagingType
{
    Text,
    Integer,
    Date,
    Id,
}

internal sealed record StagingColumn(string Name, StagingType Type, bool Loaded = true);

/// <summary>
/// The temporary tables rows are loaded into before the set-based merge. Loaded columns arrive
/// from the file (in this order); the others are filled by the merge SQL while it works.
/// </summary>
internal static class ImportStaging
{
    public const string RosterTable = "import_roster";
    public const string MembersTable = "import_members";

    public static IReadOnlyList<StagingColumn> Roster { get; } =
    [
        new("row_no", StagingType.Integer),
        new("valid", StagingType.Integer),
        new("nik", StagingType.Text),
        new("name", StagingType.Text),
        new("birth_date", StagingType.Date),
        new("sex", StagingType.Text),
        new("region_code", StagingType.Text),
        new("phone", StagingType.Text),
        new("agency_id", StagingType.Id),
        new("category", StagingType.Text),
        new("position", StagingType.Text),
        new("wage", StagingType.Integer),
        new("funding", StagingType.Text),
        new("start_date", StagingType.Date),
        new("new_worker_id", StagingType.Id),
        new("new_employment_id", StagingType.Id),
        new("nationality", StagingType.Text),
        new("travel_document", StagingType.Text),
        new("worker_id", StagingType.Id, Loaded: false),
        new("worker_changed", StagingType.Integer, Loaded: false),
        new("emp_id", StagingType.Id, Loaded: false),
        new("emp_from", StagingType.Date, Loaded: false),
        new("emp_changed", StagingType.Integer, Loaded: false),
    ];

    public static IReadOnlyList<StagingColumn> Members { get; } =
    [
        new("row_no", StagingType.Integer),
        new("kpj", StagingType.Text),
        new("nik", StagingType.Text),
        new("name", StagingType.Text),
        new("birth_date", StagingType.Date),
        new("sex", StagingType.Text),
        new("worker_region", StagingType.Text),
        new("segment", StagingType.Text),
        new("npp", StagingType.Text),
        new("status", StagingType.Text),
        new("programs", StagingType.Text),
        new("wage", StagingType.Integer),
        new("member_since", StagingType.Date),
        new("last_paid", StagingType.Date),
        new("new_worker_id", StagingType.Id),
        new("new_membership_id", StagingType.Id),
        new("nationality", StagingType.Text),
        new("travel_document", StagingType.Text),
        new("worker_id", StagingType.Id, Loaded: false),
        new("region_code", StagingType.Text, Loaded: false),
        new("mem_id", StagingType.Id, Loaded: false),
        new("mem_from", StagingType.Date, Loaded: false),
        new("mem_changed", StagingType.Integer, Loaded: false),
        new("mem_touched", StagingType.Integer, Loaded: false),
    ];

    /// <summary>
    /// Rows per merged chunk of a roster: large enough that each statement works set-based, small
    /// enough that validating the next chunk overlaps merging this one.
    /// </summary>
    public const int ChunkRows = 32_768;

    /// <summary>A roster's merged rows, slimmed to what the end of the import needs (see <see cref="ImportMergeSql.RosterChunk"/>).</summary>
    public const string RosterSeenTable = "import_roster_seen";

    public static string CreateRosterSeen(Func<StagingType, string> typeName, string suffix) =>
        $"CREATE TEMP TABLE {RosterSeenTable} (worker_id {typeName(StagingType.Id)}, agency_id {typeName(StagingType.Id)}, "
        + $"valid {typeName(StagingType.Integer)} NOT NULL, emp_new {typeName(StagingType.Integer)} NOT NULL, "
        + $"emp_updated {typeName(StagingType.Integer)} NOT NULL){suffix}";

    /// <summary>The temp tables an import of this kind creates, the loaded one first.</summary>
    public static IReadOnlyList<string> Tables(ImportKind kind) => kind == ImportKind.Roster ? [RosterTable, RosterSeenTable] : [MembersTable];

    public static IReadOnlyList<StagingColumn> Columns(ImportKind kind) => kind == ImportKind.Roster ? Roster : Members;

    /// <summary>The columns the writer fills, in the order of a staged row's values (the rest the merge sets).</summary>
    public static List<StagingColumn> Loaded(ImportKind kind) => [.. Columns(kind).Where(c => c.Loaded)];

    public static string Table(ImportKind kind) => kind == ImportKind.Roster ? RosterTable : MembersTable;

    /// <summary>CREATE TEMP TABLE with the provider's type names; flags default to 0.</summary>
    public static string CreateTable(ImportKind kind, Func<StagingType, string> typeName, string suffix)
    {
        var columns = Columns(kind).Select(c =>
            $"{c.Name} {typeName(c.Type)}{(c.Type == StagingType.Integer && !c.Loaded ? " NOT NULL DEFAULT 0" : string.Empty)}");
        return $"CREATE TEMP TABLE {Table(kind)} ({string.Join(", ", columns)}){suffix}";
    }
}

/// <summary>
/// Receives rows, values in the order of the writer's <see cref="StagingColumn"/>s; the values are
/// copied before <see cref="AddAsync"/> returns, so the caller may refill the same array.
/// </summary>
internal interface IStagingWriter : IAsyncDisposable
{
    Task AddAsync(object?[] values, CancellationToken cancellationToken);

    /// <summary>Every row is in; the merge may start.</summary>
    Task CompleteAsync(CancellationToken cancellationToken);
}

/// <summary>
/// What each roster chunk's merge needs: the effective day and the batch its inserted rows and
/// before-images belong to, and which registered workers it may update (<paramref name="Writes"/>;
/// null only where nothing is merged, e.g. reading a plan).
/// </summary>
internal sealed record ChunkScope(DateOnly Day, Guid BatchId, WriteCheck? Writes = null);

/// <summary>
/// Which registered workers a roster may update, and where the rows naming anyone else go: they are
/// taken out of the merge and handed to <paramref name="Rejected"/> by row number (while the next
/// chunk is still being validated), to be reported like any other invalid row.
/// </summary>
internal sealed record WriteCheck(ImportWriteScope Scope, Func<IReadOnlyList<int>, CancellationToken, Task> Rejected);

/// <summary>What a merge changed, per staged valid row (<see cref="Ended"/>: open employments closed).</summary>

internal sealed record MergeCounts(int Inserted, int Updated, int Unchanged, int Ended);

/// <summary>
/// The values a merge needs besides the staged rows: the batch, the effective day, the agencies a
/// roster covers, and for an extract what its <c>membership_extracts</c> row records.
/// </summary>
internal sealed record MergeScope(
    Guid BatchId,
    DateOnly Day,
    IReadOnlyList<Guid> Agencies,
    string FileName,
    string Sha256,
    string By,
    DateTime At,
    int Rows,
    string Region);

/// <summary>
/// Bulk load and set-based merge for one provider, inside the caller's transaction. The SQL is
/// shared (<see cref="ImportMergeSql"/>); providers differ in how rows get into the staging table
/// and how ids and dates are written.
/// </summary>
internal interface IImportStore
{
    /// <summary>
    /// Creates the staging tables and returns the writer rows go through. A roster is merged chunk
    /// by chunk as its rows arrive (<paramref name="chunk"/> holds the effective date and batch those merges use);
    /// an extract is merged whole by <see cref="MergeAsync"/>.
    /// </summary>
    Task<IStagingWriter> BeginStagingAsync(ImportKind kind, ChunkScope chunk, CancellationToken cancellationToken);

    Task<MergeCounts> MergeAsync(ImportKind kind, MergeScope scope, CancellationToken cancellationToken);

    /// <summary>Open jobs at <paramref name="agencies"/>: what a replacing roster's ended share is measured against.</summary>
    Task<int> CountOpenJobsAsync(IReadOnlyList<Guid> agencies, CancellationToken cancellationToken);

    /// <summary>
    /// After <see cref="MergeAsync"/>, inside the same transaction: the fingerprint of what the merge
    /// did (<paramref name="summary"/> and every ended job) and the first ended jobs by name.
    /// </summary>
    Task<(string Fingerprint, IReadOnlyList<PlannedEnd> Sample)> ReadPlanAsync(Guid batchId, string summary, CancellationToken cancellationToken);
}
