namespace Lindung.Features.Imports;

/// <summary>What the plan reads after the merge, inside the import's transaction, from the batch's undo journal.</summary>
internal static class ImportPlanSql
{
    /// <summary>Every job the replacing roster ended, in a stable order for the fingerprint.</summary>
    public const string EndedIds = """
        SELECT employment_id FROM import_undo_employments WHERE batch_id = @batch AND ended = TRUE ORDER BY employment_id
        """;

    /// <summary>The first ended jobs by the worker's name, with what a person needs to recognise them.</summary>
    public const string EndedSample = """
        SELECT w.nik, w.name, a.name
        FROM import_undo_employments j
        JOIN employments e ON e.id = j.employment_id
        JOIN workers w ON w.id = e.worker_id
        JOIN agencies a ON a.id = e.agency_id
        WHERE j.batch_id = @batch AND j.ended = TRUE
        ORDER BY w.name, w.nik
        LIMIT @limit
        """;
}
