using System.Text.Json.Serialization;

namespace Lindung.Domain.Contributions;

/// <summary>The BPJS Ketenagakerjaan programs a contribution line can belong to.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ContributionProgram>))]
public enum ContributionProgram
{
    [JsonStringEnumMemberName("JKK")] Jkk,
    [JsonStringEnumMemberName("JKM")] Jkm,
    [JsonStringEnumMemberName("JHT")] Jht,
    [JsonStringEnumMemberName("JP")] Jp,
    [JsonStringEnumMemberName("JKP")] Jkp,

    /// <summary>PMI packages are priced for JKK and JKM together (Permenaker 4/2023 Pasal 18).</summary>
    [JsonStringEnumMemberName("JKK+JKM")] JkkJkm,
}

/// <summary>Who bears a contribution line.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Payer>))]
public enum Payer
{
    [JsonStringEnumMemberName("EMPLOYER")] Employer,
    [JsonStringEnumMemberName("WORKER")] Worker,

    /// <summary>Only on note lines: the central government's JKP share is never billed.</summary>
    [JsonStringEnumMemberName("GOVERNMENT")] Government,
}

/// <summary>The four participant segments with their own contribution rules.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Segment>))]
public enum Segment
{
    [JsonStringEnumMemberName("PU")] Pu,
    [JsonStringEnumMemberName("BPU")] Bpu,
    [JsonStringEnumMemberName("JAKON")] Jakon,
    [JsonStringEnumMemberName("PMI")] Pmi,
}
