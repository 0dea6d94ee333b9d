using Lindung.Application;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Areas;
using Lindung.Domain.Contributions;
using Lindung.Domain.Identifiers;
using Lindung.Domain.Rosters;
using Lindung.Domain.Validation;
using Lindung.Features.Imports;
using Lindung.Features.Shared;
using Lindung.Hosting;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Groups;

/// <summary>What a member import did, counted whether or not it committed, and where its row report is.</summary>
internal sealed record GroupImportResult(
    Guid GroupId, Guid BatchId, int RowsRead, int RowsInvalid, int New, int Changed, int Unchanged, bool Committed,
    IReadOnlyList<RowIssue> Issues, string ReportCsvPath, string ReportXlsxPath);

/// <summary>
/// Imports a group's member list (CSV or XLSX) with the same checks as a roster: the NIK by the
/// Dukcapil rules, the name, the declared income (at least the BPU minimum in force) and the sector,
/// every refusal named by row, column and reason in the row report. A NIK already in the registry
/// joins that worker; a new one becomes a worker living in the group's village. A member already in
/// the group is updated or left unchanged, so the same file twice changes nothing the second time.
/// All or nothing unless valid rows only.
/// </summary>
internal sealed class ImportGroupMembers(LindungDbContext db, LindungHostOptions host, RateBook rates, TimeProvider clock)
{
    public const int IssuesReturned = 50;

    public const int MaxText = 200;

    /// <summary>NIKs looked up per statement: bounded, however long the list.</summary>
    private const int LookupChunk = 500;

    public async Task<UseCaseResult<GroupImportResult>> HandleAsync(Guid groupId, string filePath, string? sheet, bool validOnly, AccessScope scope, CancellationToken ct)
    {
        var group = await GroupAccess.Visible(db, scope).AsNoTracking().FirstOrDefaultAsync(g => g.Id == groupId, ct);
        if (group is null)
        {
            return GroupErrors.NotFound;
        }

        if (!GroupAccess.Keeps(scope, group))
        {
            return GroupErrors.NotAllowed;
        }

        try
        {
            return await ImportAsync(group, filePath, sheet, validOnly, ct);
        }
        catch (TableFileException exception)
        {
            return new UseCaseError(exception.Error, "file");
        }
    }

    private async Task<UseCaseResult<GroupImportResult>> ImportAsync(WorkerGroup group, string filePath, string? sheet, bool validOnly, CancellationToken ct)
    {
        using var table = ImportFiles.Open(filePath, sheet, TableLimits.Default);
        var map = HeaderMap.Map(table.Header, GroupMemberColumns.All);
        if (map.Missing.Count > 0)
        {
            return new UseCaseError(ImportFileErrors.ColumnsMissing(map.Missing.Select(c => c.Name), table.Header), "file");
        }

        var today = clock.Today();
        var month = new ContributionMonth(today.Year, today.Month);
        var minimum = rates.BpuMinimumIncome(month);
        var validator = new NikValidator(AreaDirectory.Embedded);
        var batchId = Guid.CreateVersion7();
        var reportPath = ReportPath(host.DataDirectory, group.Id, batchId, "csv");
        var source = new RowReportSource(() => ImportFiles.Open(filePath, sheet, TableLimits.Default), table.Header, map);
        await using var report = RowReport.Open(reportPath, new RowIdentity(GroupMemberColumns.Nik, GroupMemberColumns.Nama));

        var rows = new List<MemberRow>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var issues = new List<RowIssue>();
        int rowsRead = 0, rowsInvalid = 0;
        while (table.ReadRecord(out var fields))
        {
            ct.ThrowIfCancellationRequested();
            if (fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            rowsRead++;
            var problems = new List<(string Column, ValidationError Error)>();
            var check = validator.Check(map.Get(fields, GroupMemberColumns.Nik), today);
            problems.AddRange(check.Errors.Select(e => (GroupMemberColumns.Nik, e)));
            if (check.IsValid && !seen.TryAdd(check.Normalized!, table.Row))
            {
                problems.Add((GroupMemberColumns.Nik, GroupImportErrors.NikRepeated(seen[check.Normalized!])));
            }

            var name = map.Get(fields, GroupMemberColumns.Nama).Trim();
            if (name.Length is 0 or > MaxText)
            {
                problems.Add((GroupMemberColumns.Nama, GroupImportErrors.NameRequired));
            }

            var occupation = map.Get(fields, GroupMemberColumns.Pekerjaan).Trim();
            if (occupation.Length > MaxText)
            {
                problems.Add((GroupMemberColumns.Pekerjaan, GroupImportErrors.OccupationTooLong));
            }

            long? income = null;
            var incomeText = map.Get(fields, GroupMemberColumns.Penghasilan);
            if (!string.IsNullOrWhiteSpace(incomeText))
            {
                if (WageText.Read(incomeText, out var read) != WageReading.Read || read <= 0)
                {
                    problems.Add((GroupMemberColumns.Penghasilan, GroupImportErrors.IncomeUnreadable(incomeText)));
                }
                else if (read < minimum)
                {
                    problems.Add((GroupMemberColumns.Penghasilan, GroupImportErrors.IncomeBelowMinimum(minimum)));
                }
                else
                {
                    income = read;
                }
            }

            var transport = ReadSector(map.Get(fields, GroupMemberColumns.Sektor));
            if (transport is null)
            {
                problems.Add((GroupMemberColumns.Sektor, GroupImportErrors.SectorUnknown));
            }

            if (problems.Count > 0)
            {
                rowsInvalid++;
                foreach (var (column, error) in problems)
                {
                    var issue = new RowIssue(table.Row, column, error.Code, error.MessageId, error.MessageEn);
                    report.Add(issue);
                    if (issues.Count < IssuesReturned)
                    {
                        issues.Add(issue);
                    }
                }

                continue;
            }

            rows.Add(new MemberRow(check.Normalized!, name, check.BirthDate, check.Sex, occupation.Length > 0 ? occupation : null, income, transport!.Value));
        }

        var members = await db.GroupMembers.Where(m => m.GroupId == group.Id).ToDictionaryAsync(m => m.WorkerId, ct);
        var workers = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var chunk in rows.Select(r => r.Nik).Chunk(LookupChunk))
        {
            var found = await db.Workers.AsNoTracking().Where(w => chunk.Contains(w.Nik)).Select(w => new { w.Nik, w.Id }).ToListAsync(ct);
            foreach (var worker in found)
            {
                workers[worker.Nik] = worker.Id;
            }
        }

        int added = 0, changed = 0, unchanged = 0;
        var commit = rowsInvalid == 0 || validOnly;
        foreach (var row in rows)
        {
            if (!workers.TryGetValue(row.Nik, out var workerId))
            {
                var worker = new Worker { Nik = row.Nik, Name = row.Name, BirthDate = row.BirthDate, Sex = row.Sex, RegionCode = group.VillageCode ?? group.RegionCode };
                db.Workers.Add(worker);
                workerId = worker.Id;
                workers[row.Nik] = workerId;
            }

            if (!members.TryGetValue(workerId, out var member))
            {
                added++;
                db.GroupMembers.Add(new GroupMember
                {
                    GroupId = group.Id,
                    WorkerId = workerId,
                    Occupation = row.Occupation,
                    MonthlyIncome = row.Income,
                    Transport = row.Transport,
                    JoinedOn = today,
                    RegionCode = group.RegionCode,
                });
            }
            else if (member.Occupation == row.Occupation && member.MonthlyIncome == row.Income && member.Transport == row.Transport)
            {
                unchanged++;
            }
            else
            {
                changed++;
                (member.Occupation, member.MonthlyIncome, member.Transport) = (row.Occupation, row.Income, row.Transport);
            }
        }

        commit = commit && added + changed > 0;
        if (commit)
        {
            await db.SaveChangesAsync(ct);
        }
        else
        {
            db.ChangeTracker.Clear();
        }

        await report.FinishAsync(source, ct);
        return UseCaseResult<GroupImportResult>.Ok(new GroupImportResult(
            group.Id, batchId, rowsRead, rowsInvalid, added, changed, unchanged, commit, issues, report.Path, report.XlsxPath));
    }

    /// <summary>Where a member import's row report is kept: under the group, so serving it is a scope check on the group.</summary>
    public static string ReportPath(string dataDirectory, Guid groupId, Guid batchId, string extension) =>
        Path.Combine(dataDirectory, "imports", "groups", groupId.ToString("N"), batchId.ToString("N"), "report." + extension);

    /// <summary>True for transport work (its own PP 50/2025 window), false for everything else, null when unreadable.</summary>
    private static bool? ReadSector(string text) => HeaderMap.Fold(text) switch
    {
        "" or "lainnya" or "other" or "lain" => false,
        "transport" or "transportasi" or "ojek" or "ojol" or "sopir" or "pengemudi" or "kurir" => true,
        _ => null,
    };

    private sealed record MemberRow(string Nik, string Name, DateOnly? BirthDate, Sex? Sex, string? Occupation, long? Income, bool Transport);
}

internal static class GroupImportErrors
{
    public static ValidationError NikRepeated(int firstRow) => new(
        "NIK_REPEATED", $"NIK sudah muncul di baris {firstRow}.", $"The NIK already appears on row {firstRow}.");

    public static ValidationError NameRequired { get; } = new(
        "NAME_REQUIRED", "Nama wajib diisi (paling banyak 200 karakter).", "The name is required (at most 200 characters).");

    public static ValidationError OccupationTooLong { get; } = new(
        "OCCUPATION_TOO_LONG", "Pekerjaan paling banyak 200 karakter.", "The occupation has at most 200 characters.");

    public static ValidationError IncomeUnreadable(string text) => new(
        "INCOME_UNREADABLE", $"Penghasilan \"{text}\" bukan jumlah rupiah.", $"Income \"{text}\" is not a rupiah amount.");

    public static ValidationError IncomeBelowMinimum(long minimum) => new(
        "INCOME_BELOW_MINIMUM",
        $"Penghasilan di bawah minimum BPU Rp{minimum:N0}; kosongkan untuk memakai minimum.",
        $"Income below the BPU minimum of Rp{minimum:N0}; leave it empty to use the minimum.");

    public static ValidationError SectorUnknown { get; } = new(
        "SECTOR_UNKNOWN", "Sektor: transport (ojek, sopir, kurir) atau lainnya.", "Sector: transport (ojek, drivers, couriers) or other.");
}
