using Lindung.Data;
using Lindung.Features.Tickets;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lindung.Features.Demo;

/// <summary>
/// Feedback from the demo agencies to the Madiun branch, written through the use cases on the days they
/// happened: a complaint answered and closed with five stars, a suggestion answered in time, and another
/// agency's complaint past the branch's answer time, so the branch's landing page has something to do.
/// </summary>
internal static class DemoTickets
{
    private const string Branch = "cabang@demo.lindung.id";

    public static async Task SeedAsync(LindungDbContext db, Guid operatorAgencyId, DateOnly today, CancellationToken ct)
    {
        var other = await db.Agencies.AsNoTracking().Where(a => a.Id != operatorAgencyId && a.RegionCode == DemoRegion.RegionCode)
            .OrderBy(a => a.Code).Select(a => a.Id).FirstOrDefaultAsync(ct);
        var operatorScope = new AccessScope(new HashSet<string> { LindungRoles.AgencyOperator }, [], operatorAgencyId, "opd@demo.lindung.id");
        var branch = new AccessScope(new HashSet<string> { LindungRoles.BranchOfficer }, [DemoRegion.RegionCode], null, Branch);
        var options = Options.Create(new TicketOptions());

        var card = await new OpenTicket(db, On(today.AddDays(-30)), options).HandleAsync(
            new TicketInput("pengaduan", "Kartu peserta 12 honorer belum terbit", "Didaftarkan bulan lalu, kartu digital belum muncul di aplikasi.", []), operatorScope, ct);
        if (card.Succeeded)
        {
            await new ReplyToTicket(db, On(today.AddDays(-28)), options).HandleAsync(
                card.Value.Id, "Data sudah kami perbaiki; kartu dapat diunduh di aplikasi JMO.", [], branch, ct);
            await new CloseTicket(db, On(today.AddDays(-27))).HandleAsync(card.Value.Id, 5, "Cepat dan jelas.", operatorScope, ct);
        }

        var talk = await new OpenTicket(db, On(today.AddDays(-12)), options).HandleAsync(
            new TicketInput("saran", "Sosialisasi JKK untuk tenaga kebersihan", "Mohon jadwal sosialisasi di kantor kami untuk petugas kebersihan dan keamanan.", []), operatorScope, ct);
        if (talk.Succeeded)
        {
            await new ReplyToTicket(db, On(today.AddDays(-5)), options).HandleAsync(
                talk.Value.Id, "Kami jadwalkan minggu depan; mohon siapkan daftar hadir.", [], branch, ct);
        }

        if (other != Guid.Empty)
        {
            var otherScope = new AccessScope(new HashSet<string> { LindungRoles.AgencyOperator }, [], other, "tu@demo.lindung.id");
            await new OpenTicket(db, On(today.AddDays(-10)), options).HandleAsync(
                new TicketInput("pengaduan", "Klaim JKK pegawai kebersihan belum dibayar", "Dokumen lengkap sejak tiga minggu lalu.", []), otherScope, ct);
        }

        db.ChangeTracker.Clear();
    }

    private static DemoDayClock On(DateOnly day) => new(day);
}
