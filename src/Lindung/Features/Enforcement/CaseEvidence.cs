using System.Text.Json;
using System.Text.Json.Serialization;
using Lindung.Domain.Compliance;

namespace Lindung.Features.Enforcement;

/// <summary>A finding as frozen on a case at opening: what the branch saw, whatever the registry says later.</summary>
internal sealed record CaseFinding(string Code, string MessageId, string MessageEn, ComplianceEvidence Evidence)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string Message(bool english) => english ? MessageEn : MessageId;

    public static string Freeze(IEnumerable<ComplianceFinding> findings) =>
        JsonSerializer.Serialize(findings.Select(f => new CaseFinding(f.Code, f.MessageId, f.MessageEn, f.Evidence)).ToList(), Json);

    public static IReadOnlyList<CaseFinding> Read(string json) => JsonSerializer.Deserialize<List<CaseFinding>>(json, Json) ?? [];
}
