namespace Lindung.Features.Imports;

/// <summary>What an undo counts a statement's rows as.</summary>
internal enum UndoCount
{
    None,
    Restored,
    Removed,
}

internal sealed record UndoStep(string Sql, UndoCount Counts);

/// <summary>
/// The set-based SQL of <see cref="UndoImport"/>, the same on SQLite and PostgreSQL; <c>@batch</c>
/// is the batch. Rows the batch inserted carry it (<c>import_batch_id</c>; a membership version
/// <c>source_extract_id</c> once its before-images are put back); rows it changed have a before-image
/// in the <c>import_undo_*</c> tables.
/// </summary>
internal static class UndoImportSql
{
    /// <summary>
    /// Batches that wrote, after this one, a row this one wrote, or built on a person it registered;
    /// a null is a row built on such a person by hand. The caller keeps the later, standing batches.
    /// </summary>
    public static IReadOnlyList<string> LaterWriters { get; } =
    [
        """
        SELECT DISTINCT j.batch_id AS "Value" FROM import_undo_workers j
        WHERE j.batch_id <> @batch
          AND (j.worker_id IN (SELECT worker_id FROM import_undo_workers WHERE batch_id = @batch)
               OR j.worker_id IN (SELECT id FROM workers WHERE import_batch_id = @batch))
        """,
        """
        SELECT DISTINCT j.batch_id AS "Value" FROM import_undo_employments j
        WHERE j.batch_id <> @batch
          AND (j.employment_id IN (SELECT employment_id FROM import_undo_employments WHERE batch_id = @batch)
               OR j.employment_id IN (SELECT id FROM employments WHERE import_batch_id = @batch))
        """,
        """
        SELECT DISTINCT j.batch_id AS "Value" FROM import_undo_memberships j
        WHERE j.batch_id <> @batch
          AND (j.source_extract_id = @batch
               OR j.membership_id IN (SELECT membership_id FROM import_undo_memberships WHERE batch_id = @batch))
        """,
        """
        SELECT DISTINCT e.import_batch_id AS "Value" FROM employments e JOIN workers w ON w.id = e.worker_id
        WHERE w.import_batch_id = @batch AND (e.import_batch_id IS NULL OR e.import_batch_id <> @batch)
        UNION
        SELECT m.source_extract_id FROM memberships m JOIN workers w ON w.id = m.worker_id
        WHERE w.import_batch_id = @batch AND (m.source_extract_id IS NULL OR m.source_extract_id <> @batch)
        """,
    ];

    /// <summary>
    /// In this order: the versions the batch inserted go before the ones it closed are reopened (at
    /// most one open version per KPJ), and the people it registered go last, after everything that
    /// pointed to them. Reconciliation results of those people are derived and go with them.
    /// </summary>
    public static IReadOnlyList<UndoStep> Steps { get; } =
    [
        new(
            """
            DELETE FROM memberships WHERE source_extract_id = @batch
              AND id NOT IN (SELECT membership_id FROM import_undo_memberships WHERE batch_id = @batch)
            """,
            UndoCount.Removed),
        new("DELETE FROM employments WHERE import_batch_id = @batch", UndoCount.Removed),
        new(
            """
            UPDATE workers SET name = j.name, birth_date = j.birth_date, sex = j.sex, region_code = j.region_code, phone = j.phone
            FROM import_undo_workers j WHERE j.batch_id = @batch AND j.worker_id = workers.id
            """,
            UndoCount.Restored),
        new(
            """
            UPDATE employments SET category = j.category, position = j.position, monthly_wage = j.monthly_wage,
              funding_source = j.funding_source, valid_to = j.valid_to
            FROM import_undo_employments j WHERE j.batch_id = @batch AND j.employment_id = employments.id
            """,
            UndoCount.Restored),
        new(
            """
            UPDATE memberships SET worker_id = j.worker_id, segment = j.segment, programs = j.programs, employer_npp = j.employer_npp,
              status = j.status, reported_wage = j.reported_wage, last_paid_month = j.last_paid_month,
              source_extract_id = j.source_extract_id, region_code = j.region_code, valid_to = j.valid_to
            FROM import_undo_memberships j WHERE j.batch_id = @batch AND j.membership_id = memberships.id
            """,
            UndoCount.Restored),
        new("DELETE FROM membership_extracts WHERE id = @batch", UndoCount.None),
        new("DELETE FROM reconciliation_results WHERE worker_id IN (SELECT id FROM workers WHERE import_batch_id = @batch)", UndoCount.None),
        new("DELETE FROM workers WHERE import_batch_id = @batch", UndoCount.Removed),
        new("DELETE FROM import_undo_workers WHERE batch_id = @batch", UndoCount.None),
        new("DELETE FROM import_undo_employments WHERE batch_id = @batch", UndoCount.None),
        new("DELETE FROM import_undo_memberships WHERE batch_id = @batch", UndoCount.None),
    ];
}
