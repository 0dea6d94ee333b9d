using System.Text.Json;
using Lindung.Data.Entities;
using Lindung.Features.Users;

namespace Lindung.Features.Account;

/// <summary>
/// Audit events about an account itself (lockout, password change). Users are not registry rows,
/// so these are written explicitly, naming the account by id and email and never any password data.
/// </summary>
internal static class AccountAudit
{
    public static AuditEvent Of(LindungUser user, AuditAction action, string actor, DateTime at) => new()
    {
        At = at,
        Actor = actor,
        Action = action,
        EntityType = nameof(LindungUser),
        EntityKey = user.Id,
        After = JsonSerializer.Serialize(new { email = user.Email }),
        RegionCode = user.RegionCodes.FirstOrDefault() ?? AddUser.InstallationWide,
    };
}
