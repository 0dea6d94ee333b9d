using System.CommandLine;
using System.Globalization;
using Lindung.Cli;
using Lindung.Data;
using Lindung.Domain.Contributions;
using Lindung.Hosting;
using Lindung.Security;

namespace Lindung.Features.Claims;

/// <summary>
/// <c>lindung claims import FILE [--valid-only] [--sheet NAME]</c>: imports a branch's claims extract,
/// prints the counts (new, changed, unchanged), the first issues and where the row report is. Exit 0
/// when every row was read (committed or unchanged), 1 when rows were refused, 2 for a usage error
/// (a missing column, an unreadable file).
/// </summary>
internal static class ClaimsCommand
{
    private const int IssuesShown = 20;

    public static Command Create(CliConsole console)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "CSV or XLSX claims extract from a BPJS Ketenagakerjaan branch." };
        var validOnly = new Option<bool>("--valid-only") { Description = "Commit the valid rows and report the rest (default: commit nothing when any row is invalid)." };
        var sheet = new Option<string?>("--sheet") { Description = "Sheet to read from a workbook." };
        var import = new Command("import", "Import a branch's claims (nomor_klaim, nik, jenis_klaim, tanggal_kejadian, status; optional kpj, meninggal, tanggal_pengajuan, tanggal_dokumen_lengkap, tanggal_bayar, nominal_bayar, upah).")
        {
            file, validOnly, sheet,
        };
        import.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                throw new UsageException($"File not found: {path.FullName}");
            }

            await using var services = await CliServices.StartAsync(parse, ct, console.Configuration);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
            var host = new LindungHostOptions(GlobalOptions.ResolveDataDirectory(parse), string.Empty, Demo: false);
            var use = new ImportClaims(db, new RecordClaim(db, console.Clock, scope.ServiceProvider.GetRequiredService<RateBook>()), host, console.Clock);

            // Whoever runs the CLI on the server operates the installation: every region's workers may be named.
            var result = await use.HandleAsync(new ClaimImportRequest(path.FullName, path.Name, parse.GetValue(sheet), parse.GetValue(validOnly)), AccessScope.Operator, ct);
            if (!result.Succeeded)
            {
                throw UsageException.From(result.Errors);
            }

            var outcome = result.Value;
            var inv = CultureInfo.InvariantCulture;
            await console.Out.WriteLineAsync(string.Create(inv, $"Claims: rows read {outcome.RowsRead}, invalid {outcome.RowsInvalid}."));
            await console.Out.WriteLineAsync(string.Create(inv,
                $"{(outcome.Committed ? "Committed" : "Not committed")}: new {outcome.New}, changed {outcome.Changed}, unchanged {outcome.Unchanged}."));
            foreach (var issue in outcome.Issues.Take(IssuesShown))
            {
                await console.Out.WriteLineAsync(issue.CliLine);
            }

            await console.Out.WriteLineAsync($"Report: {outcome.ReportCsvPath}");
            await console.Out.WriteLineAsync($"Report (XLSX): {outcome.ReportXlsxPath}");
            return outcome.RowsInvalid > 0 ? ExitCodes.Rejected : ExitCodes.Ok;
        });
        return new Command("claims", "Benefit claims of the registry's workers.") { import };
    }
}
