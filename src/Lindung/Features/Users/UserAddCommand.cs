using System.CommandLine;
using Lindung.Cli;
using Lindung.Data;
using Lindung.Security;

namespace Lindung.Features.Users;

/// <summary>
/// <c>lindung user add --email E --role R [--name N] [--agency CODE] [--region CODE ...] [--whole-installation] [--password P]</c>:
/// creates a user through <see cref="AddUser"/> as the machine's operator. Without --password a
/// one-time password is generated and printed once. A user with no region, no agency and no
/// --whole-installation sees nothing.
/// </summary>
internal static class UserAddCommand
{
    public static Command Create(CliConsole console)
    {
        var email = new Option<string>("--email") { Description = "Sign-in email.", Required = true };
        var role = new Option<string>("--role") { Description = $"One of: {string.Join(", ", LindungRoles.All)}.", Required = true };
        var name = new Option<string?>("--name") { Description = "Display name." };
        var agency = new Option<string?>("--agency") { Description = "Agency code (required for AgencyOperator and ProcurementOfficer)." };
        var regions = new Option<string[]>("--region") { Description = "Region code the user may see (repeatable; required for BranchOfficer).", AllowMultipleArgumentsPerToken = true };
        var whole = new Option<bool>("--whole-installation") { Description = "The user sees every region of the installation (and, as a RegionalAdmin, may grant this to others)." };
        var password = new Option<string?>("--password") { Description = "Password; generated when omitted." };

        var add = new Command("add", "Create a user.") { email, role, name, agency, regions, whole, password };
        add.SetAction(async (parse, ct) =>
        {
            var request = new AddUserRequest(
                parse.GetValue(email),
                parse.GetValue(role),
                parse.GetValue(name),
                AgencyCode: parse.GetValue(agency),
                Regions: parse.GetValue(regions) ?? [],
                WholeInstallation: parse.GetValue(whole),
                Password: parse.GetValue(password));
            await using var services = await CliServices.StartAsync(parse, ct);
            await using var scope = services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<AddUser>().HandleAsync(request, AccessScope.Operator, ct);
            if (!result.Succeeded)
            {
                throw UsageException.From(result.Errors);
            }

            var added = result.Value;
            var reach = request.WholeInstallation ? " for the whole installation" : string.Empty;
            await console.Out.WriteLineAsync($"User {added.Email} created with role {added.Role}{reach}.");
            if (added.GeneratedPassword is not null)
            {
                await console.Out.WriteLineAsync($"One-time password (shown once; the user must change it at first sign-in): {added.GeneratedPassword}");
            }

            return ExitCodes.Ok;
        });

        return new Command("user", "Manage users.") { add };
    }
}
