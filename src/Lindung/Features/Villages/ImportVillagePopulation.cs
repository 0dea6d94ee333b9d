using Lindung.Application;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Areas;
using Lindung.Domain.Rosters;
using Lindung.Features.Imports;
using Lindung.Features.Shared;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Villages;

/// <summary>What a population import did: rows read, villages changed and unchanged, and every refusal by row.</summary>
internal sealed record PopulationImportResult(int RowsRead, int Changed, int Unchanged, bool Committed, IReadOnlyList<RowIssue> Issues);

/// <summary>
/// Reads the working-age population of many villages from one CSV or XLSX file (a village office's
/// or Dukcapil's table; headers by alias, <see cref="VillagePopulationColumns"/>) — the figure
/// <see cref="SetVillagePopulation"/> records for one village. Every row is checked (a known village
/// of the caller's regions, named once; a whole number; a date not in the future) and every refusal
/// is named by row and column. All or nothing: one refused row saves nothing. A village whose figure
/// and date are already stored is left alone, so the same file twice changes nothing the second time.
/// </summary>
internal sealed class ImportVillagePopulation(LindungDbContext db, TimeProvider clock)
{
    /// <summary>Indonesia has some 84,000 villages: a file with more rows is not a population table.</summary>
    public const int MaxRows = 100_000;

    /// <summary>How many refusals the result carries; the first ones say what to mend.</summary>
    public const int IssuesReturned = 100;

    public static readonly UseCaseError NotAllowed = UseCaseError.Of("POPULATION_IMPORT_NOT_ALLOWED",
        "Peran Anda tidak dapat mengimpor penduduk desa", "Your role cannot import village populations", "file");

    private static readonly UseCaseError TooManyRows = UseCaseError.Of("TOO_MANY_ROWS",
        $"Berkas memuat lebih dari {MaxRows:N0} baris desa", $"The file holds more than {MaxRows:N0} village rows", "file");

    private static readonly UseCaseError Empty = UseCaseError.Of("FILE_EMPTY",
        "Berkas tidak memuat satu pun baris desa", "The file holds no village row", "file");

    public async Task<UseCaseResult<PopulationImportResult>> HandleAsync(string path, AccessScope scope, CancellationToken ct)
    {
        if (!scope.SeesRegion)
        {
            return NotAllowed;
        }

        try
        {
            return await ImportAsync(path, scope, ct);
        }
        catch (TableFileException exception)
        {
            return new UseCaseError(exception.Error, "file");
        }
    }

    private async Task<UseCaseResult<PopulationImportResult>> ImportAsync(string path, AccessScope scope, CancellationToken ct)
    {
        using var table = ImportFiles.Open(path, null, TableLimits.Default);
        var map = HeaderMap.Map(table.Header, VillagePopulationColumns.All);
        if (map.Missing.Count > 0)
        {
            return new UseCaseError(ImportFileErrors.ColumnsMissing(map.Missing.Select(c => c.Name), table.Header), "file");
        }

        var today = clock.Today();
        var rows = new Dictionary<string, (int Row, int Population, DateOnly AsOf)>(StringComparer.Ordinal);
        var issues = new List<RowIssue>();
        var rowsRead = 0;
        while (table.ReadRecord(out var fields))
        {
            ct.ThrowIfCancellationRequested();
            if (fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (++rowsRead > MaxRows)
            {
                return TooManyRows;
            }

            var row = table.Row;
            var code = map.Get(fields, VillagePopulationColumns.KodeDesa).Trim();
            if (!VillageAccess.IsVillage(code))
            {
                issues.Add(Issue(row, VillagePopulationColumns.KodeDesa, VillageErrors.VillageUnknown));
            }
            else if (!scope.Covers(code))
            {
                issues.Add(Issue(row, VillagePopulationColumns.KodeDesa, VillageErrors.NotFound));
            }
            else if (rows.TryGetValue(code, out var first))
            {
                issues.Add(Issue(row, VillagePopulationColumns.KodeDesa, PopulationErrors.Repeated(first.Row)));
            }

            var populationText = map.Get(fields, VillagePopulationColumns.PendudukUsiaKerja);
            // The strict whole-number reader of wage cells ("1.250", "1,250"; never "1e3" or "0x10"), without its minus sign.
            var population = WageText.Read(populationText, VillagePopulationColumns.MaxPopulation, out var count) == WageReading.Read && count >= 0 ? (int?)count : null;
            if (population is null)
            {
                issues.Add(Issue(row, VillagePopulationColumns.PendudukUsiaKerja, VillageErrors.PopulationInvalid));
            }

            var dateText = map.Get(fields, VillagePopulationColumns.PerTanggal).Trim();
            var asOf = dateText.Length == 0 ? today : FieldParser.Date(dateText);
            if (asOf is null || asOf > today)
            {
                issues.Add(Issue(row, VillagePopulationColumns.PerTanggal, PopulationErrors.DateInvalid));
            }

            if (issues.Count == 0 || issues[^1].Row != row)
            {
                rows.TryAdd(code, (row, population!.Value, asOf!.Value));
            }
        }

        if (rowsRead == 0)
        {
            return Empty;
        }

        if (issues.Count > 0)
        {
            return UseCaseResult<PopulationImportResult>.Ok(new PopulationImportResult(rowsRead, 0, 0, Committed: false, [.. issues.Take(IssuesReturned)]));
        }

        var codes = rows.Keys.ToList();
        var stored = await db.VillageProfiles.Where(p => codes.Contains(p.VillageCode)).ToDictionaryAsync(p => p.VillageCode, StringComparer.Ordinal, ct);
        int changed = 0, unchanged = 0;
        foreach (var (code, (_, population, asOf)) in rows)
        {
            if (!stored.TryGetValue(code, out var profile))
            {
                profile = new VillageProfile { VillageCode = code, RegionCode = VillageAccess.RegencyOf(code) };
                db.VillageProfiles.Add(profile);
            }
            else if (profile.WorkingAgePopulation == population && profile.PopulationAsOf == asOf)
            {
                unchanged++;
                continue;
            }

            profile.WorkingAgePopulation = population;
            profile.PopulationAsOf = asOf;
            changed++;
        }

        await db.SaveChangesAsync(ct);
        return UseCaseResult<PopulationImportResult>.Ok(new PopulationImportResult(rowsRead, changed, unchanged, Committed: true, []));
    }

    private static RowIssue Issue(int row, string column, UseCaseError error) =>
        new(row, column, error.Code, error.Error.MessageId, error.Error.MessageEn);
}
