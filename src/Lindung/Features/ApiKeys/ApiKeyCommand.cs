using System.CommandLine;
using Lindung.Cli;
using Lindung.Data;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.ApiKeys;

/// <summary>
/// <c>lindung apikey create --name N --role R [--agency CODE] [--region CODE]</c> prints a new key once;
/// <c>lindung apikey revoke PREFIX</c> revokes one. Audited as <c>system</c>, like other batch verbs.
/// </summary>
internal static class ApiKeyCommand
{
    public static Command Create(CliConsole console)
    {
        var name = new Option<string>("--name") { Description = "What the key is for, e.g. the client system.", Required = true };
        var role = new Option<string>("--role") { Description = $"One of: {string.Join(", ", LindungRoles.ForApiKeys)}.", Required = true };
        var agency = new Option<string?>("--agency") { Description = "Agency code (required for AgencyOperator and ProcurementOfficer); the key gets the agency's region." };
        var region = new Option<string?>("--region") { Description = "Region code the key may see (required without --agency)." };
        var create = new Command("create", "Issue an API key and print it once.") { name, role, agency, region };
        create.SetAction(async (parse, ct) =>
        {
            await using var services = await CliServices.StartAsync(parse, ct);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
            var request = new NewApiKey(parse.GetValue(name), parse.GetValue(role), parse.GetValue(agency), parse.GetValue(region));
            var (issued, errors) = await IssueApiKey.CreateAsync(
                db, db.Agencies, allowedRegions: null, request, SystemAuditActor.SystemName, console.Clock.GetUtcNow().UtcDateTime, ct);
            if (issued is null)
            {
                throw new UsageException(string.Join(" ", errors.Select(e => $"--{e.Key}: {e.Value.MessageEn}")));
            }

            await console.Out.WriteLineAsync($"API key {issued.Row.Prefix} ({issued.Row.Name}) created with role {issued.Row.Role} for region {issued.Row.RegionCode}.");
            await console.Out.WriteLineAsync($"Key (shown once, store it now): {issued.Key}");
            return ExitCodes.Ok;
        });

        var prefix = new Argument<string>("PREFIX") { Description = "The key's prefix, as listed (the 12 characters after lk_)." };
        var revoke = new Command("revoke", "Revoke an API key.") { prefix };
        revoke.SetAction(async (parse, ct) =>
        {
            await using var services = await CliServices.StartAsync(parse, ct);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
            var wanted = parse.GetValue(prefix)!.Trim();
            var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Prefix == wanted, ct)
                ?? throw new UsageException($"No API key with prefix '{wanted}'.");
            await IssueApiKey.RevokeAsync(db, key, console.Clock.GetUtcNow().UtcDateTime, ct);
            await console.Out.WriteLineAsync($"API key {key.Prefix} revoked.");
            return ExitCodes.Ok;
        });

        return new Command("apikey", "Manage API keys for machine clients.") { create, revoke };
    }
}
