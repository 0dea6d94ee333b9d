using Lindung.Data;

namespace Lindung.Security;

/// <summary>Records the signed-in user's name on audit events; "system" outside a request.</summary>
internal sealed class HttpAuditActor(IHttpContextAccessor http) : IAuditActor
{
    public string Name => http.HttpContext?.User.Identity is { IsAuthenticated: true, Name: { } name }
        ? name
        : SystemAuditActor.SystemName;
}
