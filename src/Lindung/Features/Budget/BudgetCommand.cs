using System.CommandLine;
using System.Text.Json;
using Lindung.Application;
using Lindung.Cli;
using Lindung.Data;
using Lindung.Domain.Contributions;
using Lindung.Features.Contributions;
using Lindung.Localization;
using Lindung.Security;

namespace Lindung.Features.Budget;

/// <summary>
/// <c>lindung budget plan --scenario FILE --format json|xlsx [--out FILE]</c>: prices a scenario
/// (docs/BUDGET.md) month by month and prints the plan as JSON, or writes it as a workbook. Exit 2
/// names every refused field (unknown segment, months ≤ 0, income below the BPU minimum, a month with no rates).
/// </summary>
internal static class BudgetCommand
{
    public static Command Create(CliConsole console)
    {
        var scenario = new Option<FileInfo>("--scenario") { Description = "The scenario as JSON: from, months, groups (see docs/BUDGET.md).", Required = true };
        var format = new Option<string>("--format") { Description = "json (default) or xlsx.", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "xlsx");
        var output = new Option<FileInfo?>("--out") { Description = "Write to this file (required for xlsx; json goes to the terminal without it)." };
        var plan = new Command("plan", "Price a budget scenario month by month with the rates in force (APBD, APBN, sponsor, self, village fund).")
        {
            scenario, format, output,
        };
        plan.SetAction(async (parse, ct) =>
        {
            var file = parse.GetValue(scenario)!;
            var xlsx = parse.GetValue(format) == "xlsx";
            var target = parse.GetValue(output);
            if (!file.Exists)
            {
                throw new UsageException($"Scenario file not found: {file.FullName}");
            }

            if (xlsx && target is null)
            {
                throw new UsageException("--format xlsx needs --out FILE.");
            }

            if (file.Length > PlanBudget.MaxScenarioBytes)
            {
                throw new UsageException($"SCENARIO_TOO_LARGE: a scenario file holds at most {PlanBudget.MaxScenarioBytes / 1024} KB.");
            }

            await using var stream = file.OpenRead();
            var document = await PlanBudget.ReadAsync(stream, ct);
            UseCaseResult<Domain.Budget.BudgetPlan>? result = null;
            if (document.Succeeded)
            {
                // Only a scenario with "roster" or "fostered_villages" reads the registry; whoever runs the CLI on the server sees every agency.
                var readsRegistry = document.Value.Roster is not null || document.Value.FosteredVillages is not null;
                await using var services = readsRegistry ? await CliServices.StartAsync(parse, ct, console.Configuration) : null;
                await using var scope = services?.CreateAsyncScope();
                var db = scope?.ServiceProvider.GetRequiredService<LindungDbContext>();
                // A scenario that needs no registry starts no services, so its book is read here.
                var rates = scope?.ServiceProvider.GetRequiredService<RateBook>() ?? RateBookLoader.Load(GlobalOptions.ResolveDataDirectory(parse));
                var planner = new PlanBudget(rates, new RosterBudgetGroups(db!, console.Clock), new Villages.RankVillages(db!, console.Clock));
                result = await planner.HandleAsync(document.Value, AccessScope.Operator, ct);
            }

            var errors = document.Succeeded ? result!.Errors : document.Errors;
            if (errors.Count > 0)
            {
                throw new UsageException(string.Join(Environment.NewLine, errors.Select(e => $"{e.Code} ({e.Field ?? "scenario"}): {e.Message(english: true)}")));
            }

            if (xlsx)
            {
                await using var workbook = target!.Create();
                BudgetXlsx.Write(workbook, result!.Value, new UiText());
                await console.Out.WriteLineAsync($"Budget plan written to {target.FullName}");
                return ExitCodes.Ok;
            }

            var json = JsonSerializer.Serialize(result!.Value, CliJson.SerializerOptions);
            if (target is null)
            {
                await console.Out.WriteLineAsync(json.AsMemory(), ct);
            }
            else
            {
                await File.WriteAllTextAsync(target.FullName, json, ct);
            }

            return ExitCodes.Ok;
        });
        return new Command("budget", "APBD budget planning for workers' social security.") { plan };
    }
}
