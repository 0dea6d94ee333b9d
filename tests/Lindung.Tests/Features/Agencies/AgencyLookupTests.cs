using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Features.Agencies;
using Lindung.Features.ApiKeys;
using Lindung.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Lindung.Tests.Features.Agencies;

/// <summary>
/// The one agency-code lookup: a code used in two regencies is ambiguous until the region is named (an
/// API key used to go silently to the first region), and case, spaces and dots do not matter.
/// </summary>
public sealed class AgencyLookupTests
{
    [Fact]
    public async Task A_code_in_two_regions_is_ambiguous_until_the_region_is_named_and_its_spelling_does_not_matter()
    {
        await using var app = await LindungAppFactory.StartTestServerAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
        db.Agencies.AddRange(
            new Agency { Code = "1.02.01", Name = "Dinas Kesehatan Kota Madiun", Kind = AgencyKind.Dinas, RegionCode = "35.77" },
            new Agency { Code = "1.02.01", Name = "Dinas Kesehatan Kota Surabaya", Kind = AgencyKind.Dinas, RegionCode = "35.78" },
            new Agency { Code = "DLH-01", Name = "Dinas Lingkungan Hidup", Kind = AgencyKind.Dinas, RegionCode = "35.77" });
        await db.SaveChangesAsync();

        Assert.Equal(new AgencyMatch(null, Ambiguous: true), await AgencyLookup.ByCodeAsync(db.Agencies, "1.02.01", null, default));
        Assert.Equal("Dinas Kesehatan Kota Surabaya", (await AgencyLookup.ByCodeAsync(db.Agencies, "1.02.01", "35.78", default)).Agency?.Name);
        Assert.Equal("Dinas Lingkungan Hidup", (await AgencyLookup.ByCodeAsync(db.Agencies, " dlh-01 ", null, default)).Agency?.Name);
        Assert.Equal(new AgencyMatch(null, Ambiguous: false), await AgencyLookup.ByCodeAsync(db.Agencies, "9.99.99", null, default));

        var (ambiguous, errors) = await IssueApiKey.CreateAsync(
            db, db.Agencies, allowedRegions: null, new NewApiKey("SIMBG", LindungRoles.AgencyOperator, "1.02.01", null), "test", DateTime.UtcNow, default);
        Assert.Null(ambiguous);
        Assert.Equal("agency_ambiguous", errors["agency"].Code);
        var (named, _) = await IssueApiKey.CreateAsync(
            db, db.Agencies, allowedRegions: null, new NewApiKey("SIMBG", LindungRoles.AgencyOperator, "1.02.01", "35.78"), "test", DateTime.UtcNow, default);
        Assert.Equal("35.78", named?.Row.RegionCode);
    }
}
