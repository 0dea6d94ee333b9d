using System.Globalization;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Lindung.Tests.Features.Imports;

/// <summary>Pages write stored UTC moments in the reader's zone (WIB, WITA, WIT), named, whatever the server's zone.</summary>
public sealed class ImportListTimeZoneTests
{
    private static readonly DateTime NewYearsEveUtc = new(2026, 12, 31, 16, 30, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("35.77", 2026, 12, 31, 23, "WIB")]
    [InlineData("51.71", 2027, 1, 1, 0, "WITA")]
    [InlineData("91.71", 2027, 1, 1, 1, "WIT")]
    public async Task The_import_list_shows_when_a_job_was_created_in_the_readers_zone(string region, int year, int month, int day, int hour, string zone)
    {
        await using var app = await LindungAppFactory.StartTestServerAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
            db.ImportJobs.Add(new ImportJob
            {
                Kind = ImportKind.Members,
                OriginalFileName = "peserta.csv",
                StoredPath = "uploads/peserta.csv",
                Status = ImportJobStatus.Succeeded,
                CreatedAt = NewYearsEveUtc,
                FinishedAt = NewYearsEveUtc,
                CreatedBy = "zona@test.lindung.id",
                RegionCode = region,
            });
            await db.SaveChangesAsync();
        }

        using var client = await TestUsers.SignedInClientAsync(app, LindungRoles.RegionalAdmin, null, region);
        var page = await Pages.HtmlAsync(client, "/imports");

        var expected = new DateTime(year, month, day, hour, 30, 0).ToString("d MMM yyyy HH:mm", CultureInfo.GetCultureInfo("id-ID")) + " " + zone;
        Assert.Contains(expected, page, StringComparison.Ordinal);
    }
}
