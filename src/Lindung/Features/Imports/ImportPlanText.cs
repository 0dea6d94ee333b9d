using System.Globalization;

namespace Lindung.Features.Imports;

/// <summary>The plan as the CLI prints it: counts, who would be ended, and what to type to commit.</summary>
internal static class ImportPlanText
{
    private const int EndedShown = 20;

    public static async Task WriteAsync(TextWriter output, ImportPlan plan, PlanState state)
    {
        var inv = CultureInfo.InvariantCulture;
        await output.WriteLineAsync(string.Create(inv,
            $"Plan ({(plan.RosterMode == Data.Entities.RosterMode.Replace ? "replace" : "update")}): new {plan.Inserted}, changed {plan.Updated}, unchanged {plan.Unchanged}, to be ended {plan.Ended}."));
        foreach (var end in plan.EndedSample.Take(EndedShown))
        {
            await output.WriteLineAsync($"  end  {end.Nik}  {end.Name}  ({end.Agency})");
        }

        if (plan.Ended > EndedShown)
        {
            await output.WriteLineAsync(string.Create(inv, $"  ... and {plan.Ended - EndedShown} more."));
        }

        if (state == PlanState.NeedsForce || (state == PlanState.Planned && plan.NeedsForce))
        {
            await output.WriteLineAsync(string.Create(inv,
                $"Nothing committed: this replace ends {plan.Ended} of the agency's {plan.ActiveBefore} active workers, more than the limit of {plan.EndLimitPercent}%. Check the file; to commit anyway, re-run with --yes --force."));
        }
        else
        {
            await output.WriteLineAsync("Nothing committed: re-run with --yes to commit this plan.");
        }
    }
}
