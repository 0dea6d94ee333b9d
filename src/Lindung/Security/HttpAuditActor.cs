using Lindung.Data;

namespace Lindung.Security;

/// <summary>
/// Records the signed-in user's name on audit events; outside a request, the user a background job
/// acts for, else "system".
/// </summary>
internal sealed class HttpAuditActor(IHttpContextAccessor http, JobAuditActor job) : IAuditActor
{
    public string Name => http.HttpContext?.User.Identity is { IsAuthenticated: true, Name: { } name }
        ? name
        : job.Name ?? SystemAuditActor.SystemName;
}
