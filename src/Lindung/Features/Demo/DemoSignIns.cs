using Lindung.Data;
using Lindung.Features.Users;
using Lindung.Hosting;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Demo;

/// <summary>
/// One demo user per role: the admin for the whole installation (as an operator would create the
/// first admin), the branch officer for the branch's regions, the leader and licensing officer
/// for the demo city, the operator for one agency; the sponsor and auditor have no scope. Passwords are random per installation
/// and kept in <c>&lt;data&gt;/demo-sign-ins.txt</c> (owner-readable only) so every
/// <c>serve --demo</c> can print them again; nothing secret is in the repository.
/// </summary>
internal static class DemoSignIns
{
    public const string FileName = "demo-sign-ins.txt";

    /// <summary>The operator of a vertical institution's madrasah, beside the Pemda's agency operator.</summary>
    public const string Madrasah = "madrasah@demo.lindung.id";

    private static readonly (string Email, string Role, string Name)[] Users =
    [
        ("admin@demo.lindung.id", LindungRoles.RegionalAdmin, "Admin Disnaker Kota Madiun"),
        ("opd@demo.lindung.id", LindungRoles.AgencyOperator, "Operator OPD"),
        (Madrasah, LindungRoles.AgencyOperator, "Operator MAN 1 Kota Madiun (Kemenag)"),
        ("cabang@demo.lindung.id", LindungRoles.BranchOfficer, "Petugas BPJS TK Cabang Madiun"),
        ("perizinan@demo.lindung.id", LindungRoles.LicensingOfficer, "Petugas DPMPTSP"),
        ("sponsor@demo.lindung.id", LindungRoles.Sponsor, "Bapak Asuh (CSR)"),
        ("pimpinan@demo.lindung.id", LindungRoles.Leader, "Wali Kota"),
        ("auditor@demo.lindung.id", LindungRoles.Auditor, "Inspektorat"),
        ("pengadaan@demo.lindung.id", LindungRoles.ProcurementOfficer, "Pejabat Pembuat Komitmen"),
        (DemoField.Officer, LindungRoles.FieldOfficer, "Petugas Lapangan"),
        (DemoEnforcement.Prosecutor, LindungRoles.Prosecutor, "Jaksa Pengacara Negara, Kejari Kota Madiun"),
    ];

    /// <summary>Creates the users when missing; returns the lines to print (email, role, password).</summary>
    public static async Task<IReadOnlyList<string>> EnsureAsync(IServiceProvider services, DemoSeedResult seed, CancellationToken ct)
    {
        var file = Path.Combine(services.GetRequiredService<LindungHostOptions>().DataDirectory, FileName);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
        if (await db.Users.AnyAsync(u => u.Email == Users[0].Email, ct))
        {
            return File.Exists(file) ? await File.ReadAllLinesAsync(file, ct) : [$"Demo users exist; their passwords are in {file} where they were first created."];
        }

        // The field officer works in the fostered villages.
        var villages = await db.VillageAssignments.Where(a => a.RegionCode == DemoSeedResult.RegionCode).Select(a => a.VillageCode).Distinct().OrderBy(c => c).ToListAsync(ct);
        var madrasah = await db.Agencies.Where(a => a.RegionCode == DemoSeedResult.RegionCode && a.Code == DemoAgencies.Madrasah).Select(a => (Guid?)a.Id).SingleOrDefaultAsync(ct);
        var addUser = scope.ServiceProvider.GetRequiredService<AddUser>();
        var lines = new List<string>();
        foreach (var (email, role, name) in Users)
        {
            var request = new AddUserRequest(
                email,
                role,
                name,
                AgencyId: email == Madrasah ? madrasah
                    : role is LindungRoles.AgencyOperator or LindungRoles.ProcurementOfficer ? seed.OperatorAgencyId : null,
                Regions: role switch
                {
                    LindungRoles.BranchOfficer => DemoSeedResult.BranchRegionCodes,
                    LindungRoles.Leader or LindungRoles.LicensingOfficer or LindungRoles.Sponsor or LindungRoles.Prosecutor => [DemoSeedResult.RegionCode],
                    LindungRoles.FieldOfficer => villages.Count > 0 ? villages : [DemoSeedResult.RegionCode],
                    _ => [],
                },
                WholeInstallation: role == LindungRoles.RegionalAdmin,
                // Printed for anyone trying the demo: not a one-time password.
                GeneratedPasswordIsFinal: true);
            var added = (await addUser.HandleAsync(request, AccessScope.Operator, ct)).Value;
            lines.Add($"  {role,-18} {email,-28} {added.GeneratedPassword}");
        }

        PrivateFiles.CreateFolder(Path.GetDirectoryName(file)!);
        await using (var writer = new StreamWriter(PrivateFiles.Create(file)))
        {
            foreach (var line in lines)
            {
                await writer.WriteLineAsync(line.AsMemory(), ct);
            }
        }

        return lines;
    }
}
