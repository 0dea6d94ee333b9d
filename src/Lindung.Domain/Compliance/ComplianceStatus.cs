using System.Text.Json.Serialization;

namespace Lindung.Domain.Compliance;

/// <summary>An employer's standing towards BPJS Ketenagakerjaan, as licensing and procurement read it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ComplianceStatus>))]
public enum ComplianceStatus
{
    /// <summary>Registered, paying, and nothing found.</summary>
    [JsonStringEnumMemberName("PATUH")] Patuh,

    /// <summary>Registered, with at least one finding (arrears, PDS, sanction).</summary>
    [JsonStringEnumMemberName("TIDAK_PATUH")] TidakPatuh,

    /// <summary>No active registration in the registry.</summary>
    [JsonStringEnumMemberName("TIDAK_TERDAFTAR")] TidakTerdaftar,
}
