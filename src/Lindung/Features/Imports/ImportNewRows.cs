using Lindung.Data;
using Lindung.Data.Entities;

namespace Lindung.Features.Imports;

/// <summary>
/// A real table a chunk of new people is written into straight, its columns and, per staged roster
/// row, the values it gets, filled into an array of the columns' length (false: the row writes nothing there).
/// </summary>
internal sealed record NewRowsTable(string Name, IReadOnlyList<StagingColumn> Columns, Func<object?[], NewRowsContext, object?[], bool> Fill);

/// <summary>What a row's values need besides the row: the effective day, the batch and an agency's region.</summary>
internal sealed record NewRowsContext(DateOnly Day, Guid BatchId, IReadOnlyDictionary<Guid, string> AgencyRegions)
{
    /// <summary>The day boxed once for the chunk, not once per row without a start date.</summary>
    public object DayValue { get; } = Day;

    /// <summary>The batch boxed once for the chunk.</summary>
    public object BatchValue { get; } = BatchId;
}

/// <summary>
/// On PostgreSQL, a roster chunk in which no row names a registered worker (a first import) is
/// written straight into <c>workers</c>, <c>employments</c> and <c>import_roster_seen</c> by binary
/// COPY instead of through the staging table and <see cref="ImportMergeSql.RosterChunk"/>. For such a chunk every statement of
/// that merge that concerns registered workers or open employments touches nothing, and the three
/// inserts that remain write exactly these rows; the staging write and read are saved. Keep the two
/// in step: <c>ImportNewRowsTests</c> compares them.
/// </summary>
internal static class ImportNewRows
{
    private static readonly int Valid = Staged("valid");
    private static readonly int Nik = Staged("nik");
    private static readonly int Name = Staged("name");
    private static readonly int BirthDate = Staged("birth_date");
    private static readonly int Sex = Staged("sex");
    private static readonly int RegionCode = Staged("region_code");
    private static readonly int Phone = Staged("phone");
    private static readonly int AgencyId = Staged("agency_id");
    private static readonly int Category = Staged("category");
    private static readonly int Position = Staged("position");
    private static readonly int Wage = Staged("wage");
    private static readonly int Funding = Staged("funding");
    private static readonly int StartDate = Staged("start_date");
    private static readonly int NewWorkerId = Staged("new_worker_id");
    private static readonly int NewEmploymentId = Staged("new_employment_id");
    private static readonly int Nationality = Staged("nationality");
    private static readonly int TravelDocument = Staged("travel_document");

    // Boxed once: a flag per row would otherwise box three integers.
    private static readonly object One = 1;
    private static readonly object Zero = 0;
    private static readonly string Scheme = EnumCodes<SocialSecurityScheme>.ToCode(SocialSecurityScheme.BpjsTk);

    /// <summary>In the order they are written: a worker before the employments that point to it.</summary>
    public static IReadOnlyList<NewRowsTable> Tables { get; } =
    [
        new(
            "workers",
            [
                new("id", StagingType.Id), new("nik", StagingType.Text), new("name", StagingType.Text), new("birth_date", StagingType.Date),
                new("sex", StagingType.Text), new("region_code", StagingType.Text), new("phone", StagingType.Text), new("scheme", StagingType.Text),
                new("import_batch_id", StagingType.Id), new("nationality", StagingType.Text), new("travel_document", StagingType.Text),
            ],
            (s, c, v) => IsValid(s) && Set(
                v, s[NewWorkerId], s[Nik], s[Name], s[BirthDate], s[Sex], s[RegionCode], s[Phone], Scheme, c.BatchValue, s[Nationality], s[TravelDocument])),
        new(
            "employments",
            [
                new("id", StagingType.Id), new("worker_id", StagingType.Id), new("agency_id", StagingType.Id), new("category", StagingType.Text),
                new("position", StagingType.Text), new("monthly_wage", StagingType.Integer), new("funding_source", StagingType.Text),
                new("valid_from", StagingType.Date), new("region_code", StagingType.Text), new("import_batch_id", StagingType.Id),
            ],
            (s, c, v) => IsValid(s) && Set(
                v, s[NewEmploymentId], s[NewWorkerId], s[AgencyId], s[Category], s[Position], s[Wage], s[Funding], s[StartDate] ?? c.DayValue,
                c.AgencyRegions[(Guid)s[AgencyId]!], c.BatchValue)),
        // A rejected row names no registered worker here (none is in the chunk): it keeps worker_id NULL.
        new(
            ImportStaging.RosterSeenTable,
            [
                new("worker_id", StagingType.Id), new("agency_id", StagingType.Id), new("valid", StagingType.Integer),
                new("emp_new", StagingType.Integer), new("emp_updated", StagingType.Integer),
            ],
            (s, _, v) => IsValid(s) ? Set(v, s[NewWorkerId], s[AgencyId], One, One, Zero) : Set(v, null, s[AgencyId], Zero, Zero, Zero)),
    ];

    /// <summary>The NIK a staged row names, valid or not (null when it could not be read).</summary>
    public static string? NikOf(object?[] staged) => (string?)staged[Nik];

    /// <summary>The agency a staged valid row is for.</summary>
    public static Guid? AgencyOf(object?[] staged) => IsValid(staged) ? (Guid?)staged[AgencyId] : null;

    private static bool IsValid(object?[] staged) => (int)staged[Valid]! == 1;

    private static bool Set(object?[] values, params ReadOnlySpan<object?> row)
    {
        row.CopyTo(values);
        return true;
    }

    private static int Staged(string column)
    {
        var index = ImportStaging.Loaded(ImportKind.Roster).FindIndex(c => c.Name == column);
        return index >= 0 ? index : throw new InvalidOperationException($"No loaded roster column {column}.");
    }
}
