using System.Text.Json.Serialization;

namespace Lindung.Domain.Licensing;

/// <summary>
/// What the licensing gate tells the licensing office, from best to worst; the worst reason
/// decides (declared in that order so <c>Max</c> picks it).
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<LicensingOutcome>))]
public enum LicensingOutcome
{
    /// <summary>Grant: coverage is proven, or the rule does not ask for proof.</summary>
    [JsonStringEnumMemberName("IZINKAN")] Izinkan,

    /// <summary>Review: a finding a clerk should look at before granting (e.g. PDS Upah).</summary>
    [JsonStringEnumMemberName("TINJAU")] Tinjau,

    /// <summary>Refuse until the applicant has fixed the finding (e.g. unregistered workers).</summary>
    [JsonStringEnumMemberName("TOLAK")] Tolak,
}

public static class LicensingOutcomes
{
    public static string Code(LicensingOutcome outcome) => outcome switch
    {
        LicensingOutcome.Izinkan => "IZINKAN",
        LicensingOutcome.Tinjau => "TINJAU",
        LicensingOutcome.Tolak => "TOLAK",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    public static bool TryParse(string? code, out LicensingOutcome outcome)
    {
        switch (code?.Trim().ToUpperInvariant())
        {
            case "IZINKAN":
                outcome = LicensingOutcome.Izinkan;
                return true;
            case "TINJAU":
                outcome = LicensingOutcome.Tinjau;
                return true;
            case "TOLAK":
                outcome = LicensingOutcome.Tolak;
                return true;
            default:
                outcome = default;
                return false;
        }
    }
}
