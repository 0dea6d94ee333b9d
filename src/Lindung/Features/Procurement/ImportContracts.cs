using System.Globalization;
using Lindung.Application;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Procurement;
using Lindung.Domain.Rosters;
using Lindung.Features.Agencies;
using Lindung.Features.Imports;
using Lindung.Hosting;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Procurement;

/// <summary>
/// One contract file to import for one agency, named by id (a page's choice) or by code (the CLI,
/// the API), with the region when the code exists in several. A commitment officer imports for its
/// own agency whatever is named. <paramref name="ValidOnly"/> commits the valid rows and reports
/// the rest; by default one invalid row commits nothing.
/// </summary>
internal sealed record ContractImportRequest(
    string FilePath,
    string OriginalFileName,
    Guid? AgencyId = null,
    string? AgencyCode = null,
    string? RegionCode = null,
    string? Sheet = null,
    bool ValidOnly = false);

/// <summary>
/// What an import did: rows read and refused, contracts new, changed and unchanged (counted whether
/// or not they were committed), the first issues, and the row report (CSV and the sheet back).
/// </summary>
internal sealed record ContractImportResult(
    Guid BatchId,
    Guid AgencyId,
    string AgencyCode,
    string AgencyName,
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
/// Imports an agency's contracts from a CSV or XLSX file as procurement systems export them: the
/// header is read by alias (<see cref="ContractColumns"/>), every row passes the same rules as a
/// contract registered by hand (<see cref="RegisterContract.CheckAsync"/>), and every refusal is
/// named by row, column and reason in the row report, as for rosters. A contract number the agency
/// already holds updates that contract (or leaves it unchanged), so importing the same file twice
/// changes nothing the second time. One transaction: all or nothing unless valid rows only.
/// </summary>
internal sealed class ImportContracts(LindungDbContext db, RegisterContract rules, LindungHostOptions host)
{
    /// <summary>How many issues the result carries; the report lists them all.</summary>
    public const int IssuesReturned = 50;

    private static readonly Dictionary<string, string> ColumnOfField = new(StringComparer.Ordinal)
    {
        [ContractErrors.NumberField] = ContractColumns.Nomor,
        [ContractErrors.ContractorField] = ContractColumns.Penyedia,
        [ContractErrors.KindField] = ContractColumns.Jenis,
        [ContractErrors.ValueField] = ContractColumns.Nilai,
        [ContractErrors.StartField] = ContractColumns.TanggalMulai,
        [ContractErrors.EndField] = ContractColumns.TanggalSelesai,
        [ContractErrors.LocationField] = ContractColumns.KodeLokasi,
        [ContractErrors.OfficerField] = ContractColumns.Ppk,
        [ContractErrors.StagesField] = ContractColumns.Termin,
    };

    public async Task<UseCaseResult<ContractImportResult>> HandleAsync(ContractImportRequest request, AccessScope scope, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!scope.ProcuresForAgency && !scope.IsIn(LindungRoles.RegionalAdmin))
        {
            return ContractErrors.AgencyUnknown;
        }

        var agency = await FindAgencyAsync(request, scope, ct);
        if (!agency.Succeeded)
        {
            return UseCaseResult<ContractImportResult>.Refused([.. agency.Errors]);
        }

        try
        {
            return await ImportAsync(request, agency.Value, scope, ct);
        }
        catch (TableFileException exception)
        {
            return new UseCaseError(exception.Error, "file");
        }
    }

    private async Task<UseCaseResult<ContractImportResult>> ImportAsync(ContractImportRequest request, Agency agency, AccessScope scope, CancellationToken ct)
    {
        using var table = ImportFiles.Open(request.FilePath, request.Sheet, TableLimits.Default);
        var map = HeaderMap.Map(table.Header, ContractColumns.All);
        if (map.Missing.Count > 0)
        {
            return new UseCaseError(ImportFileErrors.ColumnsMissing(map.Missing.Select(c => c.Name), table.Header), "file");
        }

        var batchId = Guid.CreateVersion7();
        var reportPath = ReportPath(host.DataDirectory, agency.Id, batchId, "csv");
        var source = new RowReportSource(() => ImportFiles.Open(request.FilePath, request.Sheet, TableLimits.Default), table.Header, map);
        await using var report = RowReport.Open(reportPath, new RowIdentity(ContractColumns.Nomor, ContractColumns.Penyedia));

        // The agency's contracts by number, to update in place: an agency holds hundreds, not millions.
        var existing = await db.Contracts.Include(c => c.Stages).Where(c => c.AgencyId == agency.Id).ToDictionaryAsync(c => c.Number, StringComparer.Ordinal, ct);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var issues = new List<RowIssue>();
        var added = new List<Contract>();
        var changed = new List<(Contract Stored, Contract Read)>();
        int rowsRead = 0, rowsInvalid = 0, unchanged = 0;
        while (table.ReadRecord(out var fields))
        {
            ct.ThrowIfCancellationRequested();
            if (fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            rowsRead++;
            var rowErrors = new List<UseCaseError>();
            var contractRequest = ReadRow(map, fields, agency.Id, rowErrors);
            var number = contractRequest.Number?.Trim();
            if (!string.IsNullOrEmpty(number) && !seen.TryAdd(number, table.Row))
            {
                rowErrors.Add(ContractImportErrors.NumberRepeated(seen[number]));
            }

            var unreadable = rowErrors.Select(e => e.Field).ToHashSet(StringComparer.Ordinal);
            var ruleErrors = new List<UseCaseError>();
            var (read, _) = await rules.CheckAsync(contractRequest, agency, scope.UserName, numberMayExist: true, ruleErrors, ct);
            rowErrors.AddRange(ruleErrors.Where(e => !unreadable.Contains(e.Field)));
            if (rowErrors.Count > 0)
            {
                rowsInvalid++;
                foreach (var error in rowErrors)
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

            var contract = read!.Contract;
            if (!existing.TryGetValue(contract.Number, out var stored))
            {
                added.Add(contract);
            }
            else if (Same(stored, contract))
            {
                unchanged++;
            }
            else
            {
                changed.Add((stored, contract));
            }
        }

        var commit = (rowsInvalid == 0 || request.ValidOnly) && added.Count + changed.Count > 0;
        if (commit)
        {
            db.Contracts.AddRange(added);
            foreach (var (stored, read) in changed)
            {
                Update(stored, read);
            }

            await db.SaveChangesAsync(ct);
        }

        await report.FinishAsync(source, ct);
        return UseCaseResult<ContractImportResult>.Ok(new ContractImportResult(
            batchId, agency.Id, agency.Code, agency.Name, rowsRead, rowsInvalid, added.Count, changed.Count, unchanged,
            commit, issues, report.Path, report.XlsxPath));
    }

    /// <summary>Where an import's row report is kept: under the agency, so serving it is a scope check on the agency.</summary>
    public static string ReportPath(string dataDirectory, Guid agencyId, Guid batchId, string extension) =>
        Path.Combine(dataDirectory, "imports", "contracts", agencyId.ToString("N"), batchId.ToString("N"), "report." + extension);

    /// <summary>
    /// One row as a contract request: cells that cannot be read (a value, a date, the stages) are
    /// named here, and the rules' "required" error for the same field is left out.
    /// </summary>
    private static ContractRequest ReadRow(HeaderMap map, string[] fields, Guid agencyId, List<UseCaseError> errors)
    {
        var value = ImportCells.Amount(map.Get(fields, ContractColumns.Nilai), ContractColumns.MaxValue, ContractImportErrors.ValueUnreadable, ContractImportErrors.ValueTooLarge, errors);
        var start = ImportCells.Date(map.Get(fields, ContractColumns.TanggalMulai), ContractImportErrors.DateUnreadable(ContractErrors.StartField), errors);
        var end = ImportCells.Date(map.Get(fields, ContractColumns.TanggalSelesai), ContractImportErrors.DateUnreadable(ContractErrors.EndField), errors);
        var officer = map.Get(fields, ContractColumns.Ppk);
        return new ContractRequest(
            map.Get(fields, ContractColumns.Nomor),
            agencyId,
            officer.Length == 0 ? null : officer,
            map.Get(fields, ContractColumns.Penyedia),
            ContractColumns.KindCode(map.Get(fields, ContractColumns.Jenis)),
            value,
            start,
            end,
            map.Get(fields, ContractColumns.KodeLokasi),
            ReadStages(map.Get(fields, ContractColumns.Termin), errors));
    }

    /// <summary>
    /// The stages cell: shares or amounts separated by ";" or "|", numbered in order ("30%; 70%",
    /// "Rp 50.000.000 | Rp 150.000.000"). An empty cell is one stage of the whole value.
    /// </summary>
    private static List<ContractStageRequest> ReadStages(string cell, List<UseCaseError> errors)
    {
        if (cell.Length == 0)
        {
            return [new ContractStageRequest(1, 100m, null, null)];
        }

        var stages = new List<ContractStageRequest>();
        foreach (var part in cell.Split([';', '|'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var number = stages.Count + 1;
            if (part.EndsWith('%'))
            {
                if (!decimal.TryParse(part[..^1].Trim().Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var share))
                {
                    errors.Add(ContractImportErrors.StagesUnreadable);
                    return [];
                }

                stages.Add(new ContractStageRequest(number, share, null, null));
            }
            else if (WageText.Read(part, ContractColumns.MaxValue, out var amount) == WageReading.Read)
            {
                stages.Add(new ContractStageRequest(number, null, amount, null));
            }
            else
            {
                errors.Add(ContractImportErrors.StagesUnreadable);
                return [];
            }
        }

        return stages;
    }

    private static string ColumnOf(string? field) =>
        field is not null && ColumnOfField.TryGetValue(field, out var column) ? column : field ?? ContractColumns.Nomor;

    /// <summary>Whether the file says what the registry holds (Jakon records and assigned workers are not in the file and stay).</summary>
    private static bool Same(Contract stored, Contract read) =>
        stored.CommitmentOfficer == read.CommitmentOfficer
        && stored.ContractorId == read.ContractorId
        && stored.Kind == read.Kind
        && stored.Value == read.Value
        && stored.StartDate == read.StartDate
        && stored.EndDate == read.EndDate
        && stored.LocationCode == read.LocationCode
        && StagesOf(stored).SequenceEqual(StagesOf(read));

    private static IEnumerable<(int, int?, long, DateOnly?)> StagesOf(Contract contract) =>
        contract.Stages.OrderBy(s => s.Number).Select(s => (s.Number, s.ShareBasisPoints, s.Amount, s.PlannedOn));

    private void Update(Contract stored, Contract read)
    {
        stored.CommitmentOfficer = read.CommitmentOfficer;
        stored.ContractorId = read.ContractorId;
        stored.Kind = read.Kind;
        stored.Value = read.Value;
        stored.StartDate = read.StartDate;
        stored.EndDate = read.EndDate;
        stored.LocationCode = read.LocationCode;
        if (!StagesOf(stored).SequenceEqual(StagesOf(read)))
        {
            db.ContractStages.RemoveRange(stored.Stages);
            foreach (var stage in read.Stages)
            {
                stage.ContractId = stored.Id;
                db.ContractStages.Add(stage);
            }
        }
    }

    /// <summary>
    /// The agency the file is for: a commitment officer's own; otherwise the one named by id, or by
    /// code (and region, when the code exists in several) among the agencies of the caller's regions.
    /// </summary>
    private async Task<UseCaseResult<Agency>> FindAgencyAsync(ContractImportRequest request, AccessScope scope, CancellationToken ct)
    {
        var agencies = scope.ProcuresForAgency ? db.Agencies.Where(a => a.Id == scope.AgencyId) : db.AgenciesFor(scope);
        if (request.AgencyId is { } id)
        {
            agencies = agencies.Where(a => a.Id == id);
        }
        else if (string.IsNullOrWhiteSpace(request.AgencyCode) && !scope.ProcuresForAgency)
        {
            return ContractErrors.AgencyRequired;
        }

        if (!string.IsNullOrWhiteSpace(request.RegionCode))
        {
            var region = request.RegionCode.Trim();
            agencies = agencies.Where(a => a.RegionCode == region);
        }

        if (request.AgencyId is null && !string.IsNullOrWhiteSpace(request.AgencyCode))
        {
            var match = await AgencyLookup.ByCodeAsync(agencies.AsNoTracking(), request.AgencyCode, null, ct);
            return match.Agency is { } agency ? UseCaseResult<Agency>.Ok(agency)
                : match.Ambiguous ? ContractImportErrors.AgencyAmbiguous
                : ContractErrors.AgencyUnknown;
        }

        var found = await agencies.AsNoTracking().Take(2).ToListAsync(ct);
        return found.Count switch
        {
            1 => UseCaseResult<Agency>.Ok(found[0]),
            0 => ContractErrors.AgencyUnknown,
            _ => ContractImportErrors.AgencyAmbiguous,
        };
    }
}
