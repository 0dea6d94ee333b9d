namespace Lindung.Features.Imports;

/// <summary>
/// One statement of a merge; <see cref="CountsEnded"/> when its affected rows are the ended count;
/// <see cref="OnlyRegistered"/> when it only concerns rows whose worker was already registered, so
/// a chunk of new people (a first import) skips it instead of joining the growing registry for nothing.
/// </summary>
internal sealed record MergeStep(string Sql, bool CountsEnded = false, bool OnlyRegistered = false);

/// <summary>
/// The set-based merge of a staging table into the registry, the same SQL on SQLite (3.39+) and
/// PostgreSQL. Parameters: <c>@day</c> (the effective date), <c>@batch</c> (the batch id),
/// <c>@by</c>/<c>@at</c> (who and when, for the extract row) and <c>@a0…</c> (the agencies a roster
/// covers). Rules, in the order the statements apply them:
/// <list type="bullet">
/// <item>A worker is one person by NIK: created when new, updated in place when name, birth date,
/// sex, area or phone differ (a blank phone keeps the stored one).</item>
/// <item>An employment is (worker, agency): a change of category, wage, position or funding closes
/// the open version on the day (valid_to) and opens a new one from it; a version that starts on
/// or after the day is corrected in place instead.</item>
/// <item>An open employment at a covered agency whose worker is not on the new roster is ended
/// (valid_to = day), never deleted. A worker on a rejected row is not missing: their jobs stay.</item>
/// <item>A membership is its KPJ: a change of status, programs, wage, segment, NPP or person is
/// versioned like an employment; a newer last-paid month or region is updated in place. Members
/// missing from an extract are left alone: extracts can be partial.</item>
/// </list>
/// </summary>
internal static class ImportMergeSql
{
    /// <summary>
    /// The merge of one chunk of staged roster rows (<c>import_roster</c>), run while the next chunk
    /// is still being validated. Rows are independent (a NIK is on one valid row), so chunk by chunk
    /// gives what one pass over the whole file would. What the end of the import needs (who was on
    /// the file, what each row did) is kept in <c>import_roster_seen</c>; the chunk is then cleared.
    /// </summary>
    public static IReadOnlyList<MergeStep> RosterChunk { get; } =
    [
        // Only rows whose person is already registered are touched: a new worker keeps worker_id
        // NULL and takes new_worker_id, so a first import never rewrites the staging rows.
        new("UPDATE import_roster AS s SET worker_id = w.id FROM workers w WHERE w.nik = s.nik"),
        new("""
            UPDATE import_roster AS s SET worker_changed = 1 FROM workers w
            WHERE w.id = s.worker_id AND s.valid = 1
              AND (w.name <> s.name OR w.birth_date IS DISTINCT FROM s.birth_date OR w.sex IS DISTINCT FROM s.sex
                   OR w.region_code <> s.region_code OR (s.phone IS NOT NULL AND w.phone IS DISTINCT FROM s.phone))
            """,
            OnlyRegistered: true),
        new("""
            UPDATE import_roster AS s SET emp_id = e.id, emp_from = e.valid_from,
              emp_changed = CASE WHEN e.category <> s.category OR e.monthly_wage <> s.wage OR e.funding_source <> s.funding
                                  OR (s.position IS NOT NULL AND e.position IS DISTINCT FROM s.position) THEN 1 ELSE 0 END
            FROM employments e
            WHERE e.worker_id = s.worker_id AND e.agency_id = s.agency_id AND e.valid_to IS NULL AND s.valid = 1
            """,
            OnlyRegistered: true),
        new("""
            INSERT INTO workers (id, nik, name, birth_date, sex, region_code, phone, scheme, import_batch_id, nationality, travel_document)
            SELECT new_worker_id, nik, name, birth_date, sex, region_code, phone, 'BPJS_TK', @batch, nationality, travel_document FROM import_roster WHERE valid = 1 AND worker_id IS NULL
            """),
        // Before-images first, so the batch can be undone exactly (ImportUndo).
        new("""
            INSERT INTO import_undo_workers (batch_id, worker_id, name, birth_date, sex, region_code, phone)
            SELECT @batch, w.id, w.name, w.birth_date, w.sex, w.region_code, w.phone
            FROM workers w JOIN import_roster s ON s.worker_id = w.id WHERE s.worker_changed = 1
            """,
            OnlyRegistered: true),
        new("""
            INSERT INTO import_undo_employments (batch_id, employment_id, category, position, monthly_wage, funding_source, valid_to, ended, region_code)
            SELECT @batch, e.id, e.category, e.position, e.monthly_wage, e.funding_source, e.valid_to, FALSE, e.region_code
            FROM employments e JOIN import_roster s ON s.emp_id = e.id WHERE s.emp_changed = 1
            """,
            OnlyRegistered: true),
        new("""
            UPDATE workers SET name = s.name, birth_date = s.birth_date, sex = s.sex, region_code = s.region_code,
              phone = COALESCE(s.phone, workers.phone)
            FROM import_roster s WHERE s.worker_id = workers.id AND s.worker_changed = 1
            """,
            OnlyRegistered: true),
        // The old version is ended before the new one opens: one open job per worker and agency (ux_employments_open_agency_job).
        new("""
            UPDATE employments SET valid_to = @day FROM import_roster s
            WHERE s.emp_id = employments.id AND s.emp_changed = 1 AND s.emp_from < @day
            """,
            OnlyRegistered: true),
        new("""
            INSERT INTO employments (id, worker_id, agency_id, employer_id, category, position, monthly_wage, funding_source, valid_from, valid_to, region_code, import_batch_id)
            SELECT s.new_employment_id, s.worker_id, s.agency_id, NULL, s.category, COALESCE(s.position, e.position), s.wage, s.funding, @day, NULL, a.region_code, @batch
            FROM import_roster s JOIN employments e ON e.id = s.emp_id JOIN agencies a ON a.id = s.agency_id
            WHERE s.emp_changed = 1 AND s.emp_from < @day
            """,
            OnlyRegistered: true),
        new("""
            UPDATE employments SET category = s.category, position = COALESCE(s.position, employments.position),
              monthly_wage = s.wage, funding_source = s.funding
            FROM import_roster s WHERE s.emp_id = employments.id AND s.emp_changed = 1 AND s.emp_from >= @day
            """,
            OnlyRegistered: true),
        new("""
            INSERT INTO employments (id, worker_id, agency_id, employer_id, category, position, monthly_wage, funding_source, valid_from, valid_to, region_code, import_batch_id)
            SELECT s.new_employment_id, COALESCE(s.worker_id, s.new_worker_id), s.agency_id, NULL, s.category, s.position, s.wage, s.funding, COALESCE(s.start_date, @day), NULL, a.region_code, @batch
            FROM import_roster s JOIN agencies a ON a.id = s.agency_id
            WHERE s.valid = 1 AND s.emp_id IS NULL
            """),
        // A valid row's worker is now registered either way; a rejected row keeps the worker it names, if any.
        new("""
            INSERT INTO import_roster_seen (worker_id, agency_id, valid, emp_new, emp_updated)
            SELECT CASE WHEN valid = 1 THEN COALESCE(worker_id, new_worker_id) ELSE worker_id END, agency_id, valid,
              CASE WHEN valid = 1 AND emp_id IS NULL THEN 1 ELSE 0 END,
              CASE WHEN valid = 1 AND emp_id IS NOT NULL AND (emp_changed = 1 OR worker_changed = 1) THEN 1 ELSE 0 END
            FROM import_roster
            """),
    ];

    /// <summary>
    /// Run right after a chunk's registered workers are found (the first statement of
    /// <see cref="RosterChunk"/>): marks rejected every valid row whose registered worker lies outside
    /// <paramref name="scope"/> and returns those rows' numbers, so they are reported and the rest of
    /// the merge passes them by. A rejected row keeps its worker, so a replace never ends them as missing.
    /// Parameters: <c>@s0…</c> (the agencies) and <c>@r0…</c> (the region prefixes, each followed by %):
    /// as many as the scope has, never one per row.
    /// </summary>
    public static string RosterOutOfScope(ImportWriteScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var agencies = string.Join(", ", Enumerable.Range(0, scope.Agencies.Count).Select(i => $"@s{i}"));
        var regions = Enumerable.Range(0, scope.Regions.Count).Select(i => $"@r{i}").ToList();
        var inScope = new List<string>();
        if (scope.Agencies.Count > 0)
        {
            inScope.Add($"EXISTS (SELECT 1 FROM employments e WHERE e.worker_id = s.worker_id AND e.agency_id IN ({agencies}))");
        }

        if (regions.Count > 0)
        {
            inScope.Add($"EXISTS (SELECT 1 FROM employments e WHERE e.worker_id = s.worker_id AND ({string.Join(" OR ", regions.Select(r => $"e.region_code LIKE {r}"))}))");
            inScope.Add($"EXISTS (SELECT 1 FROM workers w WHERE w.id = s.worker_id AND ({string.Join(" OR ", regions.Select(r => $"w.region_code LIKE {r}"))}))");
        }

        // No agency and no region: no registered worker is the uploader's to update.
        var outside = inScope.Count == 0 ? string.Empty : $" AND NOT ({string.Join(" OR ", inScope)})";
        // RETURNING names the column bare: SQLite refuses a qualified one.
        return $"UPDATE import_roster AS s SET valid = 0 WHERE s.valid = 1 AND s.worker_id IS NOT NULL{outside} RETURNING row_no";
    }

    /// <summary>What the whole roster decides once every chunk is merged: who is missing from it.</summary>
    /// <param name="agencyCount">The agencies whose missing workers are ended; 0 to end nobody.</param>
    public static IReadOnlyList<MergeStep> RosterEnd(int agencyCount)
    {
        if (agencyCount == 0)
        {
            return [];
        }

        var agencies = string.Join(", ", Enumerable.Range(0, agencyCount).Select(i => $"@a{i}"));
        return
        [
            new("CREATE INDEX ix_import_roster_seen ON import_roster_seen (worker_id, agency_id) WHERE worker_id IS NOT NULL"),
            new(
                $"""
                INSERT INTO import_undo_employments (batch_id, employment_id, category, position, monthly_wage, funding_source, valid_to, ended, region_code)
                SELECT @batch, e.id, e.category, e.position, e.monthly_wage, e.funding_source, e.valid_to, TRUE, e.region_code
                FROM employments e
                WHERE e.valid_to IS NULL AND e.agency_id IN ({agencies})
                  AND NOT EXISTS (SELECT 1 FROM import_roster_seen s
                                  WHERE s.worker_id = e.worker_id AND (s.valid = 0 OR s.agency_id = e.agency_id))
                """),
            new(
                """
                UPDATE employments SET valid_to = CASE WHEN valid_from < @day THEN @day ELSE valid_from END
                WHERE id IN (SELECT employment_id FROM import_undo_employments WHERE batch_id = @batch AND ended = TRUE)
                """,
                CountsEnded: true),
        ];
    }

    public const string RosterCounts = """
        SELECT COALESCE(SUM(valid), 0), COALESCE(SUM(emp_new), 0), COALESCE(SUM(emp_updated), 0) FROM import_roster_seen
        """;

    public static IReadOnlyList<MergeStep> Members { get; } =
    [
        new("CREATE INDEX ix_import_members_nik ON import_members (nik)"),
        new("CREATE INDEX ix_import_members_kpj ON import_members (kpj)"),
        new("""
            INSERT INTO membership_extracts (id, file_name, sha256, loaded_at, loaded_by, row_count, region_code)
            VALUES (@batch, @file, @sha, @at, @by, @rows, @region)
            """),
        new("UPDATE import_members AS s SET worker_id = w.id FROM workers w WHERE w.nik = s.nik"),
        // A foreign worker's key names no area: they live where their employer is, else in the extract's region.
        new("UPDATE import_members AS s SET worker_region = substr(e.region_code, 1, 5) FROM employers e WHERE s.worker_region IS NULL AND s.npp IS NOT NULL AND e.npp = s.npp"),
        new("UPDATE import_members SET worker_region = @region WHERE worker_region IS NULL"),
        // A person first met in an extract becomes a worker, once however many cards they hold.
        new("""
            INSERT INTO workers (id, nik, name, birth_date, sex, region_code, phone, scheme, import_batch_id, nationality, travel_document)
            SELECT s.new_worker_id, s.nik, s.name, s.birth_date, s.sex, s.worker_region, NULL, 'BPJS_TK', @batch, s.nationality, s.travel_document FROM import_members s
            WHERE s.worker_id IS NULL AND s.row_no = (SELECT MIN(s2.row_no) FROM import_members s2 WHERE s2.nik = s.nik)
            """),
        new("UPDATE import_members AS s SET worker_id = w.id FROM workers w WHERE w.nik = s.nik AND s.worker_id IS NULL"),
        new("UPDATE import_members AS s SET region_code = substr(w.region_code, 1, 5) FROM workers w WHERE w.id = s.worker_id"),
        new("UPDATE import_members AS s SET region_code = substr(e.region_code, 1, 5) FROM employers e WHERE s.npp IS NOT NULL AND e.npp = s.npp"),
        new("""
            UPDATE import_members AS s SET mem_id = m.id, mem_from = m.valid_from,
              mem_changed = CASE WHEN m.status <> s.status OR m.programs <> s.programs OR m.reported_wage <> s.wage OR m.segment <> s.segment
                                  OR m.employer_npp IS DISTINCT FROM s.npp OR m.worker_id <> s.worker_id THEN 1 ELSE 0 END,
              mem_touched = CASE WHEN (s.last_paid IS NOT NULL AND m.last_paid_month IS DISTINCT FROM s.last_paid) OR m.region_code <> s.region_code
                                 THEN 1 ELSE 0 END
            FROM memberships m WHERE m.kpj = s.kpj AND m.valid_to IS NULL
            """),
        // Before-images of every version the next two statements close or update (ImportUndo).
        new("""
            INSERT INTO import_undo_memberships (batch_id, membership_id, worker_id, segment, programs, employer_npp, status, reported_wage,
              last_paid_month, source_extract_id, region_code, valid_to)
            SELECT @batch, m.id, m.worker_id, m.segment, m.programs, m.employer_npp, m.status, m.reported_wage,
              m.last_paid_month, m.source_extract_id, m.region_code, m.valid_to
            FROM memberships m JOIN import_members s ON s.mem_id = m.id WHERE s.mem_changed = 1 OR s.mem_touched = 1
            """),
        new("""
            UPDATE memberships SET valid_to = @day FROM import_members s
            WHERE s.mem_id = memberships.id AND s.mem_changed = 1 AND s.mem_from < @day
            """),
        new("""
            INSERT INTO memberships (id, kpj, worker_id, segment, programs, employer_npp, status, reported_wage, last_paid_month, source_extract_id, valid_from, valid_to, region_code)
            SELECT s.new_membership_id, s.kpj, s.worker_id, s.segment, s.programs, s.npp, s.status, s.wage, COALESCE(s.last_paid, m.last_paid_month), @batch, @day, NULL, s.region_code
            FROM import_members s JOIN memberships m ON m.id = s.mem_id
            WHERE s.mem_changed = 1 AND s.mem_from < @day
            """),
        new("""
            UPDATE memberships SET segment = s.segment, programs = s.programs, employer_npp = s.npp, status = s.status, reported_wage = s.wage,
              worker_id = s.worker_id, last_paid_month = COALESCE(s.last_paid, memberships.last_paid_month), region_code = s.region_code,
              source_extract_id = @batch
            FROM import_members s
            WHERE s.mem_id = memberships.id AND ((s.mem_changed = 1 AND s.mem_from >= @day) OR (s.mem_changed = 0 AND s.mem_touched = 1))
            """),
        new("""
            INSERT INTO memberships (id, kpj, worker_id, segment, programs, employer_npp, status, reported_wage, last_paid_month, source_extract_id, valid_from, valid_to, region_code)
            SELECT s.new_membership_id, s.kpj, s.worker_id, s.segment, s.programs, s.npp, s.status, s.wage, s.last_paid, @batch, COALESCE(s.member_since, @day), NULL, s.region_code
            FROM import_members s WHERE s.mem_id IS NULL
            """),
    ];

    public const string MembersCounts = """
        SELECT COUNT(*),
          COALESCE(SUM(CASE WHEN mem_id IS NULL THEN 1 ELSE 0 END), 0),
          COALESCE(SUM(CASE WHEN mem_id IS NOT NULL AND (mem_changed = 1 OR mem_touched = 1) THEN 1 ELSE 0 END), 0)
        FROM import_members
        """;
}
