using System.Text.Json;

namespace Lindung.Features.Imports;

/// <summary>
/// A plan as an import job keeps it while it waits for confirmation, with how it came about:
/// <see cref="PlanState.Stale"/> when a confirmed plan no longer held and this is the new one,
/// <see cref="PlanState.NeedsForce"/> when it was confirmed without the second confirmation it needs.
/// </summary>
internal sealed record StoredPlan(ImportPlan Plan, PlanState State)
{
    public static string ToJson(ImportPlan plan, PlanState state) => JsonSerializer.Serialize(new StoredPlan(plan, state));

    /// <summary>The stored plan, or null when there is none or it cannot be read (then the job cannot be confirmed).</summary>
    public static StoredPlan? Load(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<StoredPlan>(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
