using System.Text.Json;
using Lindung.Data.Entities;
using Lindung.Features.Users;
using Lindung.Security;

namespace Lindung.Features.Compliance;

/// <summary>
/// The audit event of one answered compliance check (<c>GET /api/v1/compliance/employers/{identifier}</c>):
/// action <see cref="AuditAction.Searched"/> on <c>ComplianceCheck</c>, keyed by the employer found
/// (<c>-</c> for none), with the caller as actor and the answer (kind, status, employer, active members). Like
/// the DCI search's events it records who asked about whom; the answer holds no person.
/// </summary>
internal static class ComplianceAudit
{
    public const string EntityType = "ComplianceCheck";

    public static AuditEvent Of(EmployerCompliance answer, AccessScope scope)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(scope);
        return new AuditEvent
        {
            At = answer.CheckedAt,
            Actor = scope.UserName,
            Action = AuditAction.Searched,
            EntityType = EntityType,
            // The employer's id, not the identifier: a 16-digit NPWP may be a person's NIK, and the
            // key is shown unmasked; the identifier goes into the answer, masked for those who see no NIK.
            EntityKey = answer.Employer?.Id.ToString("D") ?? "-",
            After = JsonSerializer.Serialize(new Answer(answer.Identifier.Kind, answer.Identifier.Value, answer.Status, answer.Employer?.Id, answer.ActiveMembers)),
            RegionCode = scope.RegionCodes.Count > 0 ? scope.RegionCodes[0] : AddUser.InstallationWide,
        };
    }

    private sealed record Answer(
        [property: System.Text.Json.Serialization.JsonPropertyName("kind")] Domain.Compliance.EmployerIdentifierKind Kind,
        [property: System.Text.Json.Serialization.JsonPropertyName("identifier")] string Identifier,
        [property: System.Text.Json.Serialization.JsonPropertyName("status")] Domain.Compliance.ComplianceStatus Status,
        [property: System.Text.Json.Serialization.JsonPropertyName("employer_id")] Guid? EmployerId,
        [property: System.Text.Json.Serialization.JsonPropertyName("active_members")] int ActiveMembers);
}
