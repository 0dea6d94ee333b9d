using System.Globalization;
using System.Threading.Channels;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Areas;
using Lindung.Domain.Identifiers;
using Lindung.Domain.Rosters;
using Lindung.Domain.Validation;
using Lindung.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Lindung.Features.Imports;

/// <summary>
/// Where imports keep their reports (<c>&lt;data&gt;/imports/&lt;batch&gt;/</c>), how many roster
/// rows are merged at a time (tests make chunks small to cross their boundaries) and whether a chunk
/// of new people may be written straight into the registry where the provider does so
/// (<see cref="ImportNewRows"/>, PostgreSQL; tests turn it off to compare it with the staging path).
/// <para>A replacing roster that would end more than <paramref name="ReplaceEndLimitPercent"/> of the agency's open jobs needs a second confirmation, unless the agency's region has its own limit (<see cref="ReplaceLimitSetting"/>).</para>
/// </summary>
internal sealed record ImportSettings(
    string DataDirectory, int ChunkRows = ImportStaging.ChunkRows, bool NewRowsDirect = true, int ReplaceEndLimitPercent = ImportSettings.DefaultReplaceEndLimitPercent)
{
    public const int DefaultReplaceEndLimitPercent = 20;

    /// <summary>How much of a file is read before it is refused, and how long an import may run.</summary>
    public TableLimits Limits { get; init; } = TableLimits.Default;
}

/// <summary>
/// Reads a roster or membership file row by row, validates each row in the domain, writes the row
/// report as it goes and streams the valid rows into a staging table, all inside one database
/// transaction; then merges set-based, records the batch (whose audit event summarises it) and
/// commits. Anything that stops it before the commit (an invalid row in all-or-nothing mode, a
/// cancellation, a crash) leaves the registry as it was. Memory holds one row, the first issues
/// and one number per NIK or KPJ seen (for the duplicate check).
/// </summary>
internal sealed class ImportRunner(LindungDbContext db, TimeProvider clock, IAuditActor actor, ImportSettings settings) : IImportRunner
{
    public const string PhaseHashing = "hashing";
    public const string PhaseValidating = "validating";
    public const string PhaseMerging = "merging";
    public const string PhaseCommitting = "committing";
    public const string PhaseDone = "done";

    private const int FirstIssueCount = 20;
    private const int ProgressEvery = 2_000;
    private const int CancelCheckEvery = 128;

    public async Task<ImportOutcome> RunAsync(ImportRequest request, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var file = new FileInfo(request.FilePath);
        if (!file.Exists)
        {
            throw new ImportRefusedException($"File not found: {file.FullName}");
        }

        progress?.Report(new ImportProgress(PhaseHashing, 0, 0, file.Length));
        // Past the time limit the run is cancelled like any other: nothing is committed.
        using var timeLimit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeLimit.CancelAfter(settings.Limits.MaxDuration);
        try
        {
            return await RunTimedAsync(request, file, progress, timeLimit.Token);
        }
        catch (OperationCanceledException) when (timeLimit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw TableLimits.TimeLimit(request.OriginalFileName, settings.Limits.MaxDuration);
        }
        catch (TableFileException exception) when (exception.ErrorFor(file.FullName, request.OriginalFileName) is var named && named != exception.Error)
        {
            throw new TableFileException(named);
        }
    }

    private async Task<ImportOutcome> RunTimedAsync(ImportRequest request, FileInfo file, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        // The fingerprint is only needed for the batch row: it is read on another thread while the
        // rows are validated instead of costing a pass of its own first.
        using var hashing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var sha256 = Task.Run(() => ImportFiles.Sha256Async(file.FullName, hashing.Token), hashing.Token);
        try
        {
            return await RunAsync(request, file, sha256, progress, cancellationToken);
        }
        finally
        {
            await hashing.CancelAsync();
            await sha256.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private async Task<ImportOutcome> RunAsync(
        ImportRequest request, FileInfo file, Task<string> sha256Task, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var day = request.EffectiveDate ?? clock.Today();
        using var table = ImportFiles.Open(file.FullName, request.Sheet, settings.Limits);
        var map = MapHeader(request, table.Header);
        var agencies = await AgencyTree.LoadAsync(db, cancellationToken);
        var target = request.Kind == ImportKind.Roster ? FindAgency(agencies, request.AgencyCode) : null;

        var batchId = Guid.CreateVersion7();
        var reportPath = request.ReportPath ?? Path.Combine(settings.DataDirectory, "imports", batchId.ToString("N"), "report.csv");
        using var tally = new Tally();
        await using var report = RowReport.Open(reportPath);
        var source = new RowReportSource(() => ImportFiles.Open(file.FullName, request.Sheet, settings.Limits), table.Header, map);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var store = CreateStore(transaction);
        var ending = request.Kind == ImportKind.Roster && request.RosterMode == RosterMode.Replace;
        var activeBefore = ending ? await store.CountOpenJobsAsync(target!.Covered, cancellationToken) : 0;

        var writes = new WriteCheck(
            WriteScope(request, agencies),
            (rows, ct) => tally.RejectAsync(rows, RosterColumns.Nik, Lindung.Domain.Rosters.ImportErrors.WorkerOutOfScope, report, ct));
        await using (var staging = await store.BeginStagingAsync(request.Kind, new ChunkScope(day, batchId, writes), cancellationToken))
        {
            var rows = request.Kind == ImportKind.Roster
                ? RosterRows(map, target!)
                : MemberRows(map, tally);

            // Reading and validating (CPU) run on one thread while the store writes and merges chunks
            // on this one (the database's work): the two halves overlap instead of taking turns. The
            // bounded channel holds one chunk, so validation runs a chunk ahead of the merge and memory
            // stays at one chunk of rows whichever side is slower.
            var channel = Channel.CreateBounded<object?[]>(new BoundedChannelOptions(settings.ChunkRows) { SingleReader = true, SingleWriter = true });
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var producer = Task.Run(() => ValidateAsync(request, table, rows, tally, report, file.Length, progress, channel.Writer, stop.Token), stop.Token);
            try
            {
                while (await channel.Reader.WaitToReadAsync(stop.Token))
                {
                    while (channel.Reader.TryRead(out var staged))
                    {
                        await staging.AddAsync(staged, stop.Token);
                    }
                }
            }
            catch
            {
                await stop.CancelAsync();
                await producer.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                throw;
            }

            // The channel also ends when validation fails: this rethrows that failure.
            await producer;
            await staging.CompleteAsync(cancellationToken);
        }

        if (tally.Valid == 0 || (request.Mode == CommitMode.AllOrNothing && tally.Invalid > 0))
        {
            await transaction.RollbackAsync(CancellationToken.None);
            await report.FinishAsync(source, cancellationToken);
            progress?.Report(new ImportProgress(PhaseDone, tally.Read, file.Length, file.Length));
            return tally.Outcome(batchId, committed: false, counts: null, report.Path, report.XlsxPath);
        }

        progress?.Report(new ImportProgress(PhaseMerging, tally.Read, file.Length, file.Length));
        var region = target?.RegionCode ?? tally.MostCommonRegion() ?? (request.Uploader?.RegionLimit is [var home, ..] ? home : null)
            ?? throw new ImportRefusedException("An extract of foreign workers only names no region: import it together with rows that have a NIK, or from an account scoped to one region.");
        var by = actor.Name;
        var at = clock.GetUtcNow().UtcDateTime;
        // Only a replacing roster ends anyone; and a rejected row whose NIK cannot be read hides who
        // it is, so nobody may then be ended as missing.
        var endMissing = ending && tally.Unidentified == 0;
        var sha256 = await sha256Task;
        var scope = new MergeScope(batchId, day, endMissing ? target!.Covered : [], request.OriginalFileName, sha256, by, at, tally.Valid, region);
        var counts = await store.MergeAsync(request.Kind, scope, cancellationToken);
        var plan = await PlanAsync(store, request, target, sha256, day, counts, activeBefore, batchId, cancellationToken);
        var state = Decide(request.Confirmation, plan);
        if (state != PlanState.Committed)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            await report.FinishAsync(source, cancellationToken);
            progress?.Report(new ImportProgress(PhaseDone, tally.Read, file.Length, file.Length));
            return tally.Outcome(batchId, committed: false, counts, report.Path, report.XlsxPath) with { Plan = plan, State = state };
        }

        db.ImportBatches.Add(new ImportBatch
        {
            Id = batchId,
            Kind = request.Kind,
            Mode = request.Mode,
            RosterMode = request.RosterMode,
            FileName = request.OriginalFileName,
            Sha256 = sha256,
            AgencyId = target?.Id,
            EffectiveDate = day,
            RowsRead = tally.Read,
            RowsValid = tally.Valid,
            RowsInvalid = tally.Invalid,
            Inserted = counts.Inserted,
            Updated = counts.Updated,
            Unchanged = counts.Unchanged,
            Ended = counts.Ended,
            ImportedBy = by,
            ImportedAt = at,
            RegionCode = region,
        });
        await db.SaveChangesAsync(cancellationToken);
        if (request.JobId is { } jobId)
        {
            // The job says "committed" in the commit itself: a crash right after it can no longer leave a
            // committed import that its job calls failed. The worker fills in the counts afterwards.
            await db.ImportJobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(
                s => s.SetProperty(j => j.Status, ImportJobStatus.Succeeded).SetProperty(j => j.Committed, true).SetProperty(j => j.BatchId, batchId),
                cancellationToken);
        }

        // The report is written before the commit: a report that cannot be written leaves nothing committed.
        await report.FinishAsync(source, cancellationToken);
        progress?.Report(new ImportProgress(PhaseCommitting, tally.Read, file.Length, file.Length));
        cancellationToken.ThrowIfCancellationRequested();
        await transaction.CommitAsync(CancellationToken.None);
        progress?.Report(new ImportProgress(PhaseDone, tally.Read, file.Length, file.Length));
        return tally.Outcome(batchId, committed: true, counts, report.Path, report.XlsxPath) with { Plan = plan, State = PlanState.Committed };
    }

    private static PlanState Decide(ImportConfirmation confirmation, ImportPlan plan) =>
        !confirmation.Commit ? PlanState.Planned
        : confirmation.Plan is { } confirmed && !string.Equals(confirmed, plan.Fingerprint, StringComparison.Ordinal) ? PlanState.Stale
        : plan.NeedsForce && !confirmation.Force ? PlanState.NeedsForce
        : PlanState.Committed;

    private async Task<ImportPlan> PlanAsync(
        IImportStore store, ImportRequest request, TargetAgency? target, string sha256, DateOnly day, MergeCounts counts, int activeBefore,
        Guid batchId, CancellationToken cancellationToken)
    {
        // Everything the user chose and the file, so a plan confirmed for one file or choice never commits another.
        var summary = string.Join(
            '|',
            request.Kind,
            request.RosterMode,
            request.Mode,
            target?.Id.ToString("N") ?? "-",
            day.ToString("O", CultureInfo.InvariantCulture),
            sha256,
            counts.Inserted.ToString(CultureInfo.InvariantCulture),
            counts.Updated.ToString(CultureInfo.InvariantCulture),
            counts.Unchanged.ToString(CultureInfo.InvariantCulture),
            counts.Ended.ToString(CultureInfo.InvariantCulture));
        var (fingerprint, sample) = await store.ReadPlanAsync(batchId, summary, cancellationToken);
        var limit = target is null
            ? settings.ReplaceEndLimitPercent
            : await ReplaceLimits.ForRegionAsync(db, target.RegionCode, settings.ReplaceEndLimitPercent, cancellationToken);
        return new ImportPlan(
            fingerprint, request.RosterMode, counts.Inserted, counts.Updated, counts.Unchanged, counts.Ended, activeBefore, limit, sample);
    }

    private static async Task ValidateAsync(
        ImportRequest request,
        ITableReader table,
        Func<int, string[], List<RowProblem>, object?[]?> rows,
        Tally tally,
        RowReport report,
        long fileLength,
        IProgress<ImportProgress>? progress,
        ChannelWriter<object?[]> staged,
        CancellationToken cancellationToken)
    {
        try
        {
            long bytes = 0;
            var problems = new List<RowProblem>();
            while (table.ReadRecord(out var fields))
            {
                tally.Read++;
                foreach (var field in fields)
                {
                    bytes += field.Length + 1;
                }

                problems.Clear();
                var row = rows(table.Row, fields, problems);
                if (problems.Count > 0 && row is null)
                {
                    tally.Unidentified++;
                }

                if (problems.Count == 0)
                {
                    tally.CountValid();
                }
                else
                {
                    tally.CountInvalid();
                    foreach (var problem in problems)
                    {
                        await tally.AddAsync(RowIssue.From(problem), report, cancellationToken);
                    }
                }

                // Once all-or-nothing has failed, nothing will be merged: keep validating for the report only.
                var refused = request.Mode == CommitMode.AllOrNothing && tally.Invalid > 0;
                if (row is not null && !refused && !staged.TryWrite(row))
                {
                    await staged.WriteAsync(row, cancellationToken);
                }

                if (tally.Read % CancelCheckEvery == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                if (tally.Read % ProgressEvery == 0)
                {
                    progress?.Report(new ImportProgress(PhaseValidating, tally.Read, Math.Min(bytes, fileLength), fileLength));
                }
            }
        }
        finally
        {
            staged.TryComplete();
        }
    }

    private static HeaderMap MapHeader(ImportRequest request, IReadOnlyList<string> header)
    {
        var columns = request.Kind == ImportKind.Roster ? RosterColumns.All : MemberColumns.All;
        var map = HeaderMap.Map(header, columns, request.ColumnOverrides)
            ?? throw new ImportRefusedException(
                "A column override names an unknown column or a header cell the file does not have: "
                + string.Join(", ", request.ColumnOverrides!.Select(o => $"{o.Key}={o.Value}")) + ".");
        return map.Missing.Count == 0 ? map : throw new ImportRefusedException(map.DescribeMissing());
    }

    /// <summary>
    /// Which registered workers this import may update: any, for the CLI (it runs as the
    /// installation's operator); for a web or API job, those of its uploader's scope.
    /// </summary>
    private static ImportWriteScope WriteScope(ImportRequest request, AgencyTree agencies) =>
        request.Uploader is { } uploader ? ImportWriteScope.Of(uploader, agencies.WithUnits) : ImportWriteScope.Installation;

    private static TargetAgency FindAgency(AgencyTree agencies, string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            throw new ImportRefusedException("A roster import needs the agency code (--agency CODE).");
        }

        var folded = HeaderMap.Fold(code);
        var matches = agencies.All.Where(a => HeaderMap.Fold(a.Code) == folded).ToList();
        var agency = matches.Count switch
        {
            1 => matches[0],
            0 => throw new ImportRefusedException($"No agency with code '{code}'."),
            _ => throw new ImportRefusedException($"Agency code '{code}' exists in several regions ({string.Join(", ", matches.Select(m => m.RegionCode))})."),
        };

        var covered = agencies.WithUnits(agency.Id).Select(id => agencies.All.First(a => a.Id == id)).Select(a => new AgencyName(a.Id, a.Code, a.Name)).ToList();
        return new TargetAgency(agency.Id, agency.RegionCode, covered);
    }

    private IImportStore CreateStore(IDbContextTransaction transaction) => db.Database.IsNpgsql()
        ? new PostgresImportStore(db.Database.GetDbConnection(), transaction.GetDbTransaction(), settings.ChunkRows, settings.NewRowsDirect)
        : new SqliteImportStore(db.Database.GetDbConnection(), transaction.GetDbTransaction(), settings.ChunkRows, settings.NewRowsDirect);

    private Func<int, string[], List<RowProblem>, object?[]?> RosterRows(HeaderMap map, TargetAgency target)
    {
        var validator = new RosterRowValidator(new NikValidator(AreaDirectory.Embedded), AreaDirectory.Embedded, new AgencyMatcher(target.Names), clock.Today());
        var ids = new ImportIds();
        return (row, fields, problems) =>
        {
            var valid = validator.Validate(row, map, fields, problems, out var nik);
            if (valid is null)
            {
                // A rejected row still names its worker, whose jobs must not be ended as "missing".
                return nik is null ? null : [row, 0, nik, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null];
            }

            var person = valid.Person;
            return
            [
                row, 1, person.Nik, person.Name, person.BirthDate, EnumCodes<Sex>.ToCode(person.Sex), valid.AreaCode, valid.Phone,
                valid.AgencyId, Code<WorkerCategory>(valid.Category), valid.Position, valid.Wage, Code<FundingSource>(valid.Funding),
                valid.StartDate, ids.Next(), ids.Next(), person.Foreign?.Nationality, person.Foreign?.Document,
            ];
        };
    }

    private Func<int, string[], List<RowProblem>, object?[]?> MemberRows(HeaderMap map, Tally tally)
    {
        var validator = new MemberRowValidator(new NikValidator(AreaDirectory.Embedded), clock.Today());
        var ids = new ImportIds();
        return (row, fields, problems) =>
        {
            if (validator.Validate(row, map, fields, problems) is not { } valid)
            {
                return null;
            }

            var person = valid.Person;
            // A foreign worker's key names no area: the merge takes the employer's region, else the extract's.
            var region = person.Foreign is null ? AreaCode.Dotted(person.Nik.AsSpan(0, 4)) : null;
            if (region is not null)
            {
                tally.CountRegion(region);
            }

            return
            [
                row, valid.Kpj, person.Nik, person.Name, person.BirthDate, EnumCodes<Sex>.ToCode(person.Sex), region,
                EnumCodes<Lindung.Domain.Contributions.Segment>.ToCode(valid.Segment), valid.Npp,
                EnumCodes<MembershipStatus>.ToCode(valid.Active ? MembershipStatus.Active : MembershipStatus.Inactive),
                EnumCodes<ProgramSet>.ToCode(valid.Programs), valid.Wage, valid.MemberSince, valid.LastPaidMonth,
                ids.Next(), ids.Next(), person.Foreign?.Nationality, person.Foreign?.Document,
            ];
        };
    }

    // The domain's codes are the registry's: parsing proves it, so a renamed enum member fails loudly.
    private static string Code<TEnum>(string code)
        where TEnum : struct, Enum => EnumCodes<TEnum>.ToCode(EnumCodes<TEnum>.Parse(code));

    /// <summary>Every agency with its parent: they are not personal data and number in the hundreds, so the tree is walked in memory.</summary>
    private sealed record AgencyTree(IReadOnlyList<AgencyTree.Node> All)
    {
        public static async Task<AgencyTree> LoadAsync(LindungDbContext db, CancellationToken cancellationToken) => new(
            await db.Agencies.AsNoTracking().Select(a => new Node(a.Id, a.Code, a.Name, a.ParentAgencyId, a.RegionCode)).ToListAsync(cancellationToken));

        /// <summary>The agency and every unit under it, the agency first.</summary>
        public List<Guid> WithUnits(Guid agency)
        {
            var tree = new List<Guid> { agency };
            for (var i = 0; i < tree.Count; i++)
            {
                var parent = tree[i];
                tree.AddRange(All.Where(a => a.ParentAgencyId == parent && !tree.Contains(a.Id)).Select(a => a.Id));
            }

            return tree;
        }

        public sealed record Node(Guid Id, string Code, string Name, Guid? ParentAgencyId, string RegionCode);
    }

    private sealed record TargetAgency(Guid Id, string RegionCode, IReadOnlyList<AgencyName> Names)
    {
        public IReadOnlyList<Guid> Covered => [.. Names.Select(n => n.Id)];
    }

    /// <summary>
    /// Counts, the first issues, issue counts by code and (for extracts) rows per region. Validation
    /// writes it row by row on its own thread; the merge, on the import's thread, turns valid rows
    /// it may not write (<see cref="RejectAsync"/>) into invalid ones: the two counts change
    /// atomically and issues reach the report one at a time.
    /// </summary>
    private sealed class Tally : IDisposable
    {
        private readonly List<RowIssue> _first = [];
        private readonly Dictionary<string, int> _byCode = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _regions = new(StringComparer.Ordinal);
        private readonly SemaphoreSlim _issues = new(1, 1);
        private int _valid;
        private int _invalid;

        public int Read { get; set; }

        public int Valid => Volatile.Read(ref _valid);

        public int Invalid => Volatile.Read(ref _invalid);

        /// <summary>Rejected rows that could not even be tied to a NIK.</summary>
        public int Unidentified { get; set; }

        public void CountValid() => Interlocked.Increment(ref _valid);

        public void CountInvalid() => Interlocked.Increment(ref _invalid);

        public async Task AddAsync(RowIssue issue, RowReport report, CancellationToken cancellationToken)
        {
            await _issues.WaitAsync(cancellationToken);
            try
            {
                if (_first.Count < FirstIssueCount)
                {
                    _first.Add(issue);
                }

                _byCode[issue.Code] = _byCode.GetValueOrDefault(issue.Code) + 1;
                report.Add(issue);
            }
            finally
            {
                _issues.Release();
            }
        }

        /// <summary>
        /// Rows validation passed that the merge refused: they count as invalid from now on (all-or-nothing
        /// then commits nothing) and are reported after the rows validation had already reported.
        /// </summary>
        public async Task RejectAsync(IReadOnlyList<int> rows, string column, ValidationError error, RowReport report, CancellationToken cancellationToken)
        {
            foreach (var row in rows)
            {
                Interlocked.Decrement(ref _valid);
                Interlocked.Increment(ref _invalid);
                await AddAsync(RowIssue.From(new RowProblem(row, column, error)), report, cancellationToken);
            }
        }

        public void Dispose() => _issues.Dispose();

        public void CountRegion(string region) => _regions[region] = _regions.GetValueOrDefault(region) + 1;

        /// <summary>The region most valid rows name; null when none names one (foreign workers only).</summary>
        public string? MostCommonRegion() =>
            _regions.OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal).Select(r => r.Key).FirstOrDefault();

        public ImportOutcome Outcome(Guid batchId, bool committed, MergeCounts? counts, string reportPath, string? reportXlsxPath) => new(
            batchId,
            committed,
            Read,
            Valid,
            Invalid,
            counts?.Inserted ?? 0,
            counts?.Updated ?? 0,
            counts?.Unchanged ?? 0,
            counts?.Ended ?? 0,
            _first,
            reportPath,
            reportXlsxPath,
            IssueCounts: new SortedDictionary<string, int>(_byCode, StringComparer.Ordinal));
    }
}

internal static class ImportServiceCollectionExtensions
{
    /// <summary>The import runner web jobs and the CLI share; reports go under <paramref name="dataDirectory"/>.</summary>
    public static IServiceCollection AddLindungImports(this IServiceCollection services, string dataDirectory)
    {
        // Imports:Limits from the host's configuration: appsettings or environment (Imports__Limits__MaxRows) for the web app, the environment for the command line.
        services.AddSingleton(provider => new ImportSettings(Path.GetFullPath(dataDirectory))
        {
            Limits = provider.GetService<IConfiguration>()?.GetSection(TableLimits.Section).Get<TableLimits>() ?? TableLimits.Default,
        });
        services.AddScoped<IImportRunner, ImportRunner>();
        services.AddScoped<UndoImport>().AddScoped<SetReplaceLimit>();
        return services;
    }
}
