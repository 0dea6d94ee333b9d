using System.Text.RegularExpressions;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Features.Dashboard;
using Lindung.Features.Imports;
using Lindung.Tests.Features.Imports;
using Lindung.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Lindung.Tests.Features.Agencies;

/// <summary>
/// The agency page at a size where one SQL parameter per worker breaks SQLite (over 32,766): it
/// answers, counts every worker (coverage from the snapshot, roster lines from the index), and
/// lists one page of 50 at a time.
/// </summary>
public sealed partial class AgencyRosterPagingTests
{
    private const int Workers = 40_000;

    [Fact]
    public async Task An_agency_of_40000_workers_is_counted_whole_and_listed_a_page_at_a_time()
    {
        await using var app = await LindungAppFactory.StartTestServerAsync();
        var seed = await RegistrySeed.AddAsync(app.Services);
        var file = ImportCsv.Write(app.DataDirectory, "besar.csv", ImportCsv.RosterHeader,
            Enumerable.Range(1, Workers).Select(i => ImportCsv.RosterLine(i, agency: seed.AgencyBCode, category: i % 4 == 0 ? "GTT" : "Honorer")));
        using (var scope = app.Services.CreateScope())
        {
            var request = new ImportRequest(ImportKind.Roster, file, "besar.csv", seed.AgencyBCode, null, CommitMode.AllOrNothing);
            var outcome = await scope.ServiceProvider.GetRequiredService<IImportRunner>().RunAsync(request, null, CancellationToken.None);
            Assert.True(outcome.Committed, string.Join("; ", outcome.FirstIssues));
            // As every import door does once it commits: the coverage figures are the snapshot's.
            await CoverageSnapshots.RefreshAsync(scope.ServiceProvider.GetRequiredService<LindungDbContext>(), TimeProvider.System, CancellationToken.None);
        }

        using var client = await TestUsers.SignedInClientAsync(app, LindungRoles.RegionalAdmin);
        var first = await Pages.HtmlAsync(client, $"/agencies/{seed.AgencyB}");
        var last = await Pages.HtmlAsync(client, $"/agencies/{seed.AgencyB}?page=801");
        var gtt = await Pages.HtmlAsync(client, $"/agencies/{seed.AgencyB}?category=Gtt&page=2");

        // 40,000 imported + the 3 seeded workers of agency B; 50 a page.
        Assert.Contains("dari 40.003", first, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"as-of\"", first, StringComparison.Ordinal);
        Assert.Equal(50, Rows(first));
        Assert.Contains("Halaman 1 dari 801", first, StringComparison.Ordinal);
        Assert.Equal(3, Rows(last));
        Assert.Equal(50, Rows(gtt));
        Assert.Contains("Halaman 2 dari 200", gtt, StringComparison.Ordinal);
        Assert.DoesNotContain(">Honorer<", Table(gtt), StringComparison.Ordinal);
    }

    private static string Table(string html) => html[html.IndexOf("id=\"roster\"", StringComparison.Ordinal)..];

    private static int Rows(string html) => RowTag().Count(Table(html)) - 1; // minus the header row

    [GeneratedRegex("<tr>")]
    private static partial Regex RowTag();
}
