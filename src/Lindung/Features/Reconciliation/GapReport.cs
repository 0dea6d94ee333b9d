using Lindung.Cli;
using Lindung.Data;
using Lindung.Domain.Reconciliation;
using Lindung.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Reconciliation;

/// <summary>
/// The gap summary per agency (counts and monthly contribution to close each gap) that
/// <c>lindung reconcile --report</c> and <c>lindung reconcile-registry --report</c> write; priced by
/// <see cref="GapCalculator"/> and grouped by <see cref="GapList.Summarize"/>, like the app's gap list.
/// </summary>
internal static class GapReport
{
    /// <summary>From file reconciliation: <paramref name="agencies"/> holds each roster row's <c>instansi</c>, in result order.</summary>
    public static IReadOnlyList<GapTotal> FromResults(IReadOnlyList<ReconcileResult> results, IReadOnlyList<string> agencies, GapPricing pricing) =>
        GapList.Summarize(results.SelectMany((r, i) => GapCalculator.Gaps(Input(r), pricing).Select(g => (agencies[i], g.Kind, g.Monthly))));

    /// <summary>From a stored run: one group per agency by name.</summary>
    public static async Task<IReadOnlyList<GapTotal>> FromRunAsync(LindungDbContext db, Guid runId, GapPricing pricing, CancellationToken ct)
    {
        var gaps = new List<(string, GapKind, long)>();
        var rows = db.ReconciliationResults.AsNoTracking()
            .Where(r => r.RunId == runId && r.Outcome != ReconcileOutcome.NeedsReview && r.Outcome != ReconcileOutcome.InvalidRow)
            .Join(db.Agencies, r => r.AgencyId, a => a.Id, (r, a) => new { Result = r, a.Name })
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(ct))
        {
            gaps.AddRange(GapCalculator.Gaps(AgencyGaps.Input(row.Result), pricing).Select(g => (row.Name, g.Kind, g.Monthly)));
        }

        return GapList.Summarize(gaps);
    }

    /// <summary>Writes the summary as .csv or .xlsx, by the file's extension.</summary>
    public static void Write(FileInfo file, IReadOnlyList<GapTotal> totals, string subtitle)
    {
        ArgumentNullException.ThrowIfNull(file);
        var xlsx = file.Extension.Equals(".xlsx", StringComparison.OrdinalIgnoreCase);
        if (!xlsx && !file.Extension.Equals(".csv", StringComparison.OrdinalIgnoreCase))
        {
            throw new UsageException($"--report: {file.Name}: the gap report is written as .csv or .xlsx.");
        }

        using var stream = PrivateFiles.Create(file.FullName);
        if (xlsx)
        {
            GapExport.WriteXlsx(stream, Title, subtitle, totals);
        }
        else
        {
            GapExport.WriteSummaryCsv(stream, totals);
        }
    }

    public const string Title = "Kesenjangan kepesertaan BPJS Ketenagakerjaan per instansi";

    private static GapInput Input(ReconcileResult r) => new(
        r.Outcome, r.Gaps.HasFlag(CoverageGap.WageUnderreported), r.Gaps.HasFlag(CoverageGap.ProgramMissing), r.Roster.Wage ?? 0, r.MemberWage, r.MemberPrograms);
}
