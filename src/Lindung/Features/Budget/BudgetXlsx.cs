using System.IO.Compression;
using Lindung.Domain.Budget;
using Lindung.Features.Spreadsheets;
using Microsoft.Extensions.Localization;

namespace Lindung.Features.Budget;

/// <summary>
/// A plan as a workbook for an agency's budget plan (RKA): the groups with employer, worker and payer
/// totals; every month of every group; and the legal basis of each rate used, projections marked.
/// </summary>
internal static class BudgetXlsx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The download's name: the plan's first month, and the agency for an agency's own plan.</summary>
    public static string FileName(BudgetPlan plan, string? agency = null) =>
        agency is null ? $"rencana-anggaran-{plan.From}.xlsx" : $"rencana-anggaran-{plan.From}-{Safe(agency)}.xlsx";

    public static string PerAgencyFileName(IReadOnlyList<BudgetPlan> plans) => $"rencana-anggaran-per-opd-{plans[0].From}.zip";

    /// <summary>
    /// One workbook per agency (<see cref="PlanBudget.PerAgencyAsync"/>) in one ZIP, each named after its
    /// agency and headed with it, so each agency's planner attaches its own file to its RKA.
    /// </summary>
    public static void WritePerAgency(Stream output, IReadOnlyList<BudgetPlan> plans, IStringLocalizer l)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var plan in plans)
        {
            var agency = plan.Groups[0].Name;
            using var entry = zip.CreateEntry(FileName(plan, agency), CompressionLevel.Optimal).Open();
            Write(entry, plan, l, agency);
        }
    }

    public static void Write(Stream output, BudgetPlan plan, IStringLocalizer l, string? heading = null)
    {
        using var book = XlsxWriter.Create(output, leaveOpen: true);
        var period = $"{plan.From} – {plan.ByMonth[^1].Month}";
        period = heading is null ? period : $"{heading} · {period}";

        var groups = book.AddSheet(l["budget.sheet.groups"], [
            new(l["budget.group.name"], XlsxColumnKind.Text, 28),
            new(l["budget.group.segment"]),
            new(l["budget.group.payer"]),
            new(l["budget.group.count"], XlsxColumnKind.Integer),
            new(l["budget.group.per-worker"], XlsxColumnKind.Rupiah) { Sum = false },
            new(l["budget.employer"], XlsxColumnKind.Rupiah),
            new(l["budget.worker"], XlsxColumnKind.Rupiah),
            new(l["budget.total"], XlsxColumnKind.Rupiah),
            new(l["budget.payer-total"], XlsxColumnKind.Rupiah),
        ], title: l["budget.title"], subtitle: period);
        foreach (var g in plan.Groups)
        {
            groups.WriteRow(g.Name, BudgetCodes.Of(g.Segment), BudgetCodes.Of(g.Payer), g.Count, g.PerWorkerFirstMonth, g.EmployerTotal, g.WorkerTotal, g.Total, g.PayerTotal);
        }

        groups.WriteTotals(l["dash.total"]);

        var months = book.AddSheet(l["budget.sheet.months"], [
            new(l["budget.month"]),
            new(l["budget.group.name"], XlsxColumnKind.Text, 28),
            new(l["budget.employer"], XlsxColumnKind.Rupiah),
            new(l["budget.worker"], XlsxColumnKind.Rupiah),
            new(l["budget.total"], XlsxColumnKind.Rupiah),
        ], title: l["budget.sheet.months"], subtitle: period);
        foreach (var g in plan.Groups)
        {
            foreach (var m in g.ByMonth)
            {
                months.WriteRow(m.Month.ToString(), g.Name, m.EmployerAmount, m.WorkerAmount, m.Amount);
            }
        }

        months.WriteTotals(l["dash.total"]);

        var basis = book.AddSheet(l["budget.sheet.legal-basis"], [
            new(l["budget.legal.parameter"], XlsxColumnKind.Text, 30),
            new(l["budget.legal.value"]),
            new(l["budget.legal.valid"]),
            new(l["budget.legal.basis"], XlsxColumnKind.Text, 60),
            new(l["budget.legal.status"]),
        ], title: l["budget.sheet.legal-basis"], subtitle: period);
        foreach (var e in plan.LegalBasis)
        {
            basis.WriteRow(BudgetFormat.Name(e), BudgetFormat.Value(e), $"{e.ValidFrom} – {e.ValidTo?.ToString() ?? "…"}", e.LegalBasis, BudgetCodes.Of(e.Status));
        }
    }

    /// <summary>An agency's label as part of a file name: letters, digits, dashes; the rest become dashes.</summary>
    private static string Safe(string label) =>
        string.Join('-', new string([.. label.Select(c => char.IsAsciiLetterOrDigit(c) ? c : ' ')]).Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
