using System.CommandLine;
using System.Text.Json;
using Lindung.Cli;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Areas;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Users;

/// <summary>
/// <c>lindung user add --email E --role R [--name N] [--agency CODE] [--region CODE ...] [--password P]</c>:
/// creates a user. Without --password a one-time password is generated and printed once.
/// </summary>
internal static class UserAddCommand
{
    public static Command Create(CliConsole console)
    {
        var email = new Option<string>("--email") { Description = "Sign-in email.", Required = true };
        var role = new Option<string>("--role") { Description = $"One of: {string.Join(", ", LindungRoles.All)}.", Required = true };
        var name = new Option<string?>("--name") { Description = "Display name." };
        var agency = new Option<string?>("--agency") { Description = "Agency code (required for AgencyOperator)." };
        var regions = new Option<string[]>("--region") { Description = "Region code the user may see (repeatable; required for BranchOfficer).", AllowMultipleArgumentsPerToken = true };
        var password = new Option<string?>("--password") { Description = "Password; generated when omitted." };

        var add = new Command("add", "Create a user.") { email, role, name, agency, regions, password };
        add.SetAction(async (parse, ct) =>
        {
            var request = new NewUser(
                parse.GetValue(email)!.Trim(),
                parse.GetValue(role)!,
                parse.GetValue(name),
                parse.GetValue(agency),
                parse.GetValue(regions) ?? [],
                parse.GetValue(password));
            await using var services = await CliServices.StartAsync(parse, ct);
            await using var scope = services.CreateAsyncScope();
            var generated = await AddAsync(scope.ServiceProvider, request, ct);
            await console.Out.WriteLineAsync($"User {request.Email} created with role {request.Role}.");
            if (generated is not null)
            {
                await console.Out.WriteLineAsync($"One-time password (shown once): {generated}");
            }

            return ExitCodes.Ok;
        });

        return new Command("user", "Manage users.") { add };
    }

    /// <returns>The generated password, or null when the caller gave one.</returns>
    public static async Task<string?> AddAsync(IServiceProvider services, NewUser request, CancellationToken ct)
    {
        var role = LindungRoles.All.FirstOrDefault(r => r.Equals(request.Role, StringComparison.OrdinalIgnoreCase))
            ?? throw new UsageException($"Unknown role '{request.Role}'. Roles: {string.Join(", ", LindungRoles.All)}.");
        var regionCodes = request.Regions.Select(code => AreaCode.Normalize(code) is { } dotted && AreaDirectory.Embedded.Exists(dotted)
            ? dotted
            : throw new UsageException($"Unknown region code '{code}'.")).ToList();
        if (role == LindungRoles.BranchOfficer && regionCodes.Count == 0)
        {
            throw new UsageException("A BranchOfficer needs at least one --region.");
        }

        var db = services.GetRequiredService<LindungDbContext>();
        Guid? agencyId = null;
        if (request.AgencyCode is not null || role == LindungRoles.AgencyOperator)
        {
            var code = request.AgencyCode ?? throw new UsageException("An AgencyOperator needs --agency CODE.");
            agencyId = await db.Agencies.Where(a => a.Code == code).Select(a => (Guid?)a.Id).SingleOrDefaultAsync(ct)
                ?? throw new UsageException($"No agency with code '{code}'.");
        }

        var users = services.GetRequiredService<UserManager<LindungUser>>();
        var generated = request.Password is null ? PasswordGenerator.Next() : null;
        var user = new LindungUser
        {
            UserName = request.Email,
            Email = request.Email,
            EmailConfirmed = true,
            DisplayName = request.DisplayName,
            AgencyId = agencyId,
            RegionCodes = regionCodes,
        };
        Check(await users.CreateAsync(user, request.Password ?? generated!));
        Check(await users.AddToRoleAsync(user, role));
        await AuditAsync(services, db, user, role, ct);
        return generated;
    }

    /// <summary>
    /// Users are not registry rows, so the interceptor does not see them; the creation is audited
    /// here with the fields that matter (never the password hash or security stamp). The region is
    /// the user's scope; "00.00" marks an installation-wide user.
    /// </summary>
    private static async Task AuditAsync(IServiceProvider services, LindungDbContext db, LindungUser user, string role, CancellationToken ct)
    {
        var region = user.AgencyId is { } agencyId
            ? await db.Agencies.Where(a => a.Id == agencyId).Select(a => a.RegionCode).SingleAsync(ct)
            : user.RegionCodes.FirstOrDefault(code => code.Length >= 5) ?? InstallationWide;
        db.AuditEvents.Add(new AuditEvent
        {
            At = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime,
            Actor = services.GetRequiredService<IAuditActor>().Name,
            Action = AuditAction.Create,
            EntityType = nameof(LindungUser),
            EntityKey = user.Id,
            After = JsonSerializer.Serialize(new { email = user.Email, display_name = user.DisplayName, role, agency_id = user.AgencyId, region_codes = user.RegionCodes }),
            RegionCode = region,
        });
        await db.SaveChangesAsync(ct);
    }

    private const string InstallationWide = "00.00";

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new UsageException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}

internal sealed record NewUser(string Email, string Role, string? DisplayName, string? AgencyCode, IReadOnlyList<string> Regions, string? Password);
