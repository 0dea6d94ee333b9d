using System.CommandLine;
using System.Globalization;
using Lindung.Cli;
using Lindung.Data;
using Lindung.Domain.Contributions;
using Lindung.Hosting;
using Lindung.Security;

namespace Lindung.Features.Procurement;

/// <summary>
/// <c>lindung contracts import FILE --agency CODE [--region CODE] [--valid-only] [--sheet NAME]</c>:
/// imports an agency's contract file, prints the counts (new, changed, unchanged), the first
/// issues and where the row report is. Exit 0 when every row was read (committed or unchanged),
/// 1 when rows were refused, 2 for a usage error (unknown agency, missing column, unreadable file).
/// </summary>
internal static class ContractsCommand
{
    private const int IssuesShown = 20;

    public static Command Create(CliConsole console)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "CSV or XLSX contract file exported by a procurement system." };
        var agency = new Option<string>("--agency") { Description = "Code of the agency that signed the contracts.", Required = true };
        var region = new Option<string?>("--region") { Description = "Region code of the agency, when its code exists in several regions." };
        var validOnly = new Option<bool>("--valid-only") { Description = "Commit the valid rows and report the rest (default: commit nothing when any row is invalid)." };
        var sheet = new Option<string?>("--sheet") { Description = "Sheet to read from a workbook." };
        var import = new Command("import", "Import an agency's contracts (nomor_kontrak, penyedia, jenis, nilai, tanggal_mulai, tanggal_selesai, kode_lokasi; optional ppk, termin).")
        {
            file, agency, region, validOnly, sheet,
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
            var use = new ImportContracts(db, new RegisterContract(db, scope.ServiceProvider.GetRequiredService<RateBook>(), console.Clock), host);
            var request = new ContractImportRequest(
                path.FullName, path.Name, AgencyCode: parse.GetValue(agency), RegionCode: parse.GetValue(region), Sheet: parse.GetValue(sheet), ValidOnly: parse.GetValue(validOnly));

            // Whoever runs the CLI on the server operates the installation: any agency may be named.
            var result = await use.HandleAsync(request, AccessScope.Operator, ct);
            if (!result.Succeeded)
            {
                throw UsageException.From(result.Errors);
            }

            var outcome = result.Value;
            var inv = CultureInfo.InvariantCulture;
            await console.Out.WriteLineAsync(string.Create(inv, $"Agency {outcome.AgencyCode} ({outcome.AgencyName}): rows read {outcome.RowsRead}, invalid {outcome.RowsInvalid}."));
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
        return new Command("contracts", "The agencies' contract registry.") { import };
    }
}
