using System.Globalization;
using Lindung.Data;
using Lindung.Features.Compliance;
using Lindung.Features.Licensing;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Demo;

/// <summary>
/// The demo's licensing office (DPMPTSP Kota Madiun): the example licence rules, and a few hundred
/// checks its officer asked over the last two months about the region's employers, answered by the
/// real gate so the list shows what the rules make of the seeded gaps. The same region and day give
/// the same checks.
/// </summary>
internal static class DemoLicensing
{
    public const string Officer = "perizinan@demo.lindung.id";
    private const int Seed = 3577 * 13;

    public static async Task<int> SeedAsync(LindungDbContext db, DateOnly today, int checks, CancellationToken ct)
    {
        var noon = new DateTimeOffset(today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(7));
        await LicenceRuleStore.AddAsync(db, LicenceRuleFiles.ReadExample(), "file:licence-rules.json", noon.UtcDateTime, ct);
        var applicants = await db.Employers.AsNoTracking().Where(e => e.RegionCode == DemoRegion.RegionCode)
            .OrderBy(e => e.Id).Select(e => e.Nib ?? e.Npp ?? e.Npwp).ToListAsync(ct);
        var (book, _) = await LicenceRuleStore.LoadAsync(db, ct);
        var types = book.InForceFor(DemoRegion.RegionCode, today).Select(r => r.LicenceType).ToList();
        if (applicants.Count == 0 || types.Count == 0)
        {
            return 0;
        }

        var random = new Random(Seed);
        var scope = new AccessScope(new HashSet<string> { LindungRoles.LicensingOfficer }, [DemoRegion.RegionCode], null, Officer);
        // Compliance is judged as of seeding (the registry as it stands); only the time asked is spread back.
        var compliance = new CheckEmployerCompliance(db, new FixedClock(noon));
        var answered = 0;
        var asked = Enumerable.Range(0, checks)
            .Select(_ => noon.AddDays(-random.Next(0, 60)).AddMinutes(random.Next(-240, 180)))
            .Order()
            .ToList();
        foreach (var at in asked)
        {
            var applicant = applicants[random.Next(applicants.Count)];
            var type = types[random.Next(types.Count)];
            if (applicant is null)
            {
                continue;
            }

            var number = string.Create(CultureInfo.InvariantCulture, $"{type}/{at.Year}/{answered + 1:0000}");
            var check = new CheckLicence(db, compliance, new FixedClock(at));
            if ((await check.HandleAsync(new LicenceCheckRequest(type, applicant, number), scope, ct)).Succeeded)
            {
                answered++;
            }

            db.ChangeTracker.Clear();
        }

        return answered;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.CreateCustomTimeZone("WIB", TimeSpan.FromHours(7), "WIB", "WIB");
    }
}
