using System.Security.Cryptography;
using System.Text;
using Lindung.Application;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Claims;
using Lindung.Domain.Rosters;
using Lindung.Features.Imports;
using Lindung.Features.Shared;
using Lindung.Hosting;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Claims;

/// <summary>
/// One claims extract to import. <paramref name="ValidOnly"/> commits the valid rows and reports the
/// rest; by default one invalid row commits nothing.
/// </summary>
internal sealed record ClaimImportRequest(string FilePath, string OriginalFileName, string? Sheet = null, bool ValidOnly = false);

/// <summary>
/// What an import did: rows read and refused, claims new, changed and unchanged (counted whether or
/// not they were committed), the first issues, and the row report (CSV and the sheet back).
/// </summary>
internal sealed record ClaimImportResult(
    Guid BatchId,
    int RowsRead,
    int RowsInvalid,
    int New,
    int Changed,
    int Unchanged,
    bool Committed,
    IReadOnlyList<RowIssue> Issues,
    string ReportCsvPath,
    string ReportXlsxPath);

/// <summary>
/// Imports a BPJS Ketenagakerjaan branch's claims extract (CSV or XLSX) as the branch exports it:
/// the header is read by alias (<see cref="ClaimColumns"/>), every row passes the rules of a claim
/// entered by hand (<see cref="RecordClaim.CheckAsync"/>: coverage on the event day and the liability
/// are decided by the same code) and its status the rules of a claim moved on by hand
/// (<see cref="UpdateClaim.Check"/>: forward only, dates in order, an amount above 0); every refusal is
/// named by row, column and reason in the row report, as for rosters.
/// <para>
/// The branch's claim number is the key, unique within the claim's region: a number on record moves
/// that claim on (a later extract with the claim now paid) or leaves it unchanged, so importing the
/// same file twice changes nothing. Worker, kind, event day and death of a claim on record are not
/// changed by a file (coverage was decided on them); claims entered by hand, without a number, are
/// never touched. One transaction, audited per claim like every registry write; all or nothing unless
/// valid rows only.
/// </para>
/// <para>
/// Who: whoever records claims (<see cref="ClaimsAccess.Records"/>). The branch and the regional admin
/// import for the workers of their regions; an agency operator may import too, and then only rows of
/// its own staff (employed by the agency on the event day) pass — any other worker is
/// <c>CLAIM_WORKER_NOT_FOUND</c>, as on the form. A row report is kept for its uploader only.
/// </para>
/// </summary>
internal sealed class ImportClaims(LindungDbContext db, RecordClaim rules, LindungHostOptions host, TimeProvider clock)
{
    /// <summary>How many issues the result carries; the report lists them all.</summary>
    public const int IssuesReturned = 50;

    private static readonly Dictionary<string, string> ColumnOfField = new(StringComparer.Ordinal)
    {
        [ClaimImportErrors.NumberField] = ClaimColumns.Nomor,
        ["nik"] = ClaimColumns.Nik,
        [ClaimImportErrors.KpjField] = ClaimColumns.Kpj,
        ["kind"] = ClaimColumns.Jenis,
        [ClaimImportErrors.DeathField] = ClaimColumns.Meninggal,
        ["event_date"] = ClaimColumns.TanggalKejadian,
        ["claim_date"] = ClaimColumns.TanggalPengajuan,
        [ClaimImportErrors.CompleteField] = ClaimColumns.TanggalDokumenLengkap,
        ["status"] = ClaimColumns.Status,
        [ClaimImportErrors.PaidOnField] = ClaimColumns.TanggalBayar,
        [ClaimImportErrors.PaidAmountField] = ClaimColumns.NominalBayar,
        ["monthly_wage"] = ClaimColumns.Upah,
    };

    public async Task<UseCaseResult<ClaimImportResult>> HandleAsync(ClaimImportRequest request, AccessScope scope, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!ClaimsAccess.Records(scope))
        {
            return ClaimErrors.NotFound;
        }

        try
        {
            return await ImportAsync(request, scope, ct);
        }
        catch (TableFileException exception)
        {
            return new UseCaseError(exception.Error, "file");
        }
    }

    /// <summary>
    /// Where an import's row report is kept: under a folder of its uploader (a digest of the user
    /// name, so no address lands in a path), so serving it is a check that the asker is the uploader.
    /// </summary>
    public static string ReportPath(string dataDirectory, string userName, Guid batchId, string extension) =>
        Path.Combine(dataDirectory, "imports", "claims", OwnerFolder(userName), batchId.ToString("N"), "report." + extension);

    private static string OwnerFolder(string userName) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(userName.ToUpperInvariant())))[..32];

    private async Task<UseCaseResult<ClaimImportResult>> ImportAsync(ClaimImportRequest request, AccessScope scope, CancellationToken ct)
    {
        using var table = ImportFiles.Open(request.FilePath, request.Sheet, TableLimits.Default);
        var map = HeaderMap.Map(table.Header, ClaimColumns.All);
        if (map.Missing.Count > 0)
        {
            return new UseCaseError(ImportFileErrors.ColumnsMissing(map.Missing.Select(c => c.Name), table.Header), "file");
        }

        var today = clock.Today();
        var batchId = Guid.CreateVersion7();
        var source = new RowReportSource(() => ImportFiles.Open(request.FilePath, request.Sheet, TableLimits.Default), table.Header, map);
        await using var report = RowReport.Open(ReportPath(host.DataDirectory, scope.UserName, batchId, "csv"), new RowIdentity(ClaimColumns.Nomor, ClaimColumns.Nik));

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var issues = new List<RowIssue>();
        var added = new List<BenefitClaim>();
        var moved = new List<(BenefitClaim Stored, ClaimMove Move)>();
        int rowsRead = 0, rowsInvalid = 0, unchanged = 0;
        while (table.ReadRecord(out var fields))
        {
            ct.ThrowIfCancellationRequested();
            if (fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            rowsRead++;
            var errors = new List<UseCaseError>();
            var row = await ReadRowAsync(map, fields, errors, ct);
            if (row.Number is { } number && !seen.TryAdd(number, table.Row))
            {
                errors.Add(ClaimImportErrors.NumberRepeated(seen[number]));
            }

            var unreadable = errors.Select(e => e.Field).ToHashSet(StringComparer.Ordinal);
            var ruleErrors = new List<UseCaseError>();
            var claim = await rules.CheckAsync(row.Input, scope, today, ruleErrors, ct);
            BenefitClaim? stored = null;
            ClaimMove? move = null;
            if (claim is not null && row.Number is not null)
            {
                stored = await FindStoredAsync(claim, row.Number, scope, ruleErrors, ct);
                if (row.Update is not null && !ruleErrors.Any(e => e.Field == ClaimImportErrors.NumberField))
                {
                    // A new claim starts as reported and moves to the extract's status by the rules of a move by hand.
                    var from = stored ?? claim;
                    if (stored is null)
                    {
                        claim.Status = ClaimStatus.Reported;
                    }

                    move = UpdateClaim.Check(from, row.Update, today, ruleErrors);
                }
            }

            errors.AddRange(ruleErrors.Where(e => !unreadable.Contains(e.Field)).DistinctBy(e => (e.Code, e.Field)));
            if (errors.Count > 0 || claim is null || move is null)
            {
                rowsInvalid++;
                foreach (var error in errors)
                {
                    var issue = new RowIssue(table.Row, ColumnOf(error.Field), error.Code, error.Error.MessageId, error.Error.MessageEn);
                    report.Add(issue);
                    if (issues.Count < IssuesReturned)
                    {
                        issues.Add(issue);
                    }
                }

                continue;
            }

            if (stored is null)
            {
                claim.ClaimNumber = row.Number;
                move.ApplyTo(claim);
                added.Add(claim);
            }
            else if (move.Matches(stored))
            {
                unchanged++;
            }
            else
            {
                moved.Add((stored, move));
            }
        }

        var commit = (rowsInvalid == 0 || request.ValidOnly) && added.Count + moved.Count > 0;
        if (commit)
        {
            db.Claims.AddRange(added);
            foreach (var (stored, move) in moved)
            {
                move.ApplyTo(stored);
            }

            // One SaveChanges: one transaction, the audit events of every claim in it.
            await db.SaveChangesAsync(ct);
        }

        await report.FinishAsync(source, ct);
        return UseCaseResult<ClaimImportResult>.Ok(new ClaimImportResult(
            batchId, rowsRead, rowsInvalid, added.Count, moved.Count, unchanged, commit, issues, report.Path, report.XlsxPath));
    }

    /// <summary>
    /// The claim on record under this number in the claim's region, tracked: null when there is none.
    /// A number held by a claim the caller may not see, or by another worker's, kind's, day's or
    /// death's claim, is a named error.
    /// </summary>
    private async Task<BenefitClaim?> FindStoredAsync(BenefitClaim read, string number, AccessScope scope, List<UseCaseError> errors, CancellationToken ct)
    {
        var stored = await ClaimsAccess.Visible(db, scope).FirstOrDefaultAsync(c => c.RegionCode == read.RegionCode && c.ClaimNumber == number, ct);
        if (stored is null)
        {
            if (await db.Claims.AnyAsync(c => c.RegionCode == read.RegionCode && c.ClaimNumber == number, ct))
            {
                errors.Add(ClaimImportErrors.NumberTaken);
            }

            return null;
        }

        if (stored.WorkerId != read.WorkerId || stored.Kind != read.Kind || stored.EventDate != read.EventDate || stored.Death != read.Death)
        {
            errors.Add(ClaimImportErrors.NumberOtherClaim);
        }

        return stored;
    }

    /// <summary>One row read: the number, the claim as the form would send it, and the move to the extract's status (null when the status is unknown).</summary>
    private sealed record ClaimRow(string? Number, ClaimInput Input, ClaimUpdate? Update);

    /// <summary>
    /// One row as a claim: cells that cannot be read (a date, the amount, the wage, the death mark,
    /// the status) are named here, and the rules' error for the same field is left out. NIK and KPJ
    /// are cleaned of spreadsheet damage; an empty NIK with a KPJ on record is read as that member's NIK.
    /// </summary>
    private async Task<ClaimRow> ReadRowAsync(HeaderMap map, string[] fields, List<UseCaseError> errors, CancellationToken ct)
    {
        string? number = map.Get(fields, ClaimColumns.Nomor);
        if (number.Length is 0 or > ClaimColumns.NumberMax)
        {
            errors.Add(ClaimImportErrors.NumberInvalid);
            number = null;
        }

        var nik = ClaimColumns.Identifier(map.Get(fields, ClaimColumns.Nik));
        var kpj = ClaimColumns.Identifier(map.Get(fields, ClaimColumns.Kpj));
        if (kpj.Length > 0 && (kpj.Length != 11 || !kpj.All(char.IsAsciiDigit)))
        {
            errors.Add(ClaimImportErrors.KpjInvalid);
        }
        else if (nik.Length == 0 && kpj.Length > 0)
        {
            nik = await db.Memberships.AsNoTracking().Where(m => m.Kpj == kpj).Select(m => m.Worker!.Nik).FirstOrDefaultAsync(ct) ?? string.Empty;
        }

        var death = ClaimColumns.Death(map.Get(fields, ClaimColumns.Meninggal));
        if (death is null)
        {
            errors.Add(ClaimImportErrors.DeathUnreadable);
        }

        var amount = ImportCells.Amount(map.Get(fields, ClaimColumns.NominalBayar), ClaimColumns.MaxAmount, ClaimImportErrors.AmountUnreadable, ClaimImportErrors.AmountUnreadable, errors);
        var wage = ImportCells.Amount(map.Get(fields, ClaimColumns.Upah), WageText.MaxMonthly, ClaimImportErrors.WageUnreadable, ClaimImportErrors.WageTooLarge, errors);
        var kindCell = map.Get(fields, ClaimColumns.Jenis);
        var kind = ClaimColumns.Kind(kindCell) is { } known ? EnumCodes<ClaimKind>.ToCode(known) : kindCell;
        var claimDate = ImportCells.Date(map.Get(fields, ClaimColumns.TanggalPengajuan), ClaimImportErrors.DateUnreadable("claim_date"), errors);
        var complete = ImportCells.Date(map.Get(fields, ClaimColumns.TanggalDokumenLengkap), ClaimImportErrors.DateUnreadable(ClaimImportErrors.CompleteField), errors);
        var input = new ClaimInput(
            nik, kind, death ?? false, ImportCells.Date(map.Get(fields, ClaimColumns.TanggalKejadian), ClaimImportErrors.DateUnreadable("event_date"), errors), claimDate, complete, wage);

        var paidOn = ImportCells.Date(map.Get(fields, ClaimColumns.TanggalBayar), ClaimImportErrors.DateUnreadable(ClaimImportErrors.PaidOnField), errors);
        var status = ClaimColumns.StatusOf(map.Get(fields, ClaimColumns.Status));
        if (status is null)
        {
            errors.Add(ClaimImportErrors.StatusUnknown);
        }

        var update = status is null ? null : new ClaimUpdate(EnumCodes<ClaimStatus>.ToCode(status.Value), claimDate, complete, paidOn, amount);
        return new ClaimRow(number, input, update);
    }

    private static string ColumnOf(string? field) =>
        field is not null && ColumnOfField.TryGetValue(field, out var column) ? column : field ?? ClaimColumns.Nomor;
}
