using Lindung.Data;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Imports;

/// <summary>
/// The scope a web or API import job writes with: its uploader's (<see cref="Data.Entities.ImportJob.CreatedBy"/>,
/// a user name or <c>apikey:&lt;prefix&gt;</c>) as it stands when the job runs, read from the same
/// stores the sign-in cookie and the API-key handler read. Read again at every run, not stored at
/// upload: an operator moved to another agency, or a key revoked, between the plan and its
/// confirmation must not commit with the scope they had.
/// </summary>
internal static class ImportUploader
{
    /// <summary>The uploader's scope; null when the user no longer exists or the key was revoked.</summary>
    public static async Task<AccessScope?> ScopeAsync(LindungDbContext db, string createdBy, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(createdBy);
        if (createdBy.StartsWith(ApiKeyAuthenticationHandler.ActorPrefix, StringComparison.Ordinal))
        {
            var prefix = createdBy[ApiKeyAuthenticationHandler.ActorPrefix.Length..];
            var key = await db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Prefix == prefix && k.RevokedAt == null, ct);
            return key is null ? null : new AccessScope(new HashSet<string>(StringComparer.Ordinal) { key.Role }, [key.RegionCode], key.AgencyId, createdBy);
        }

        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.UserName == createdBy, ct);
        if (user is null)
        {
            return null;
        }

        var roles = await db.UserRoles.Where(ur => ur.UserId == user.Id)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
            .ToListAsync(ct);
        return new AccessScope(roles.ToHashSet(StringComparer.Ordinal), [.. user.RegionCodes], user.AgencyId, createdBy, user.WholeInstallation);
    }
}
