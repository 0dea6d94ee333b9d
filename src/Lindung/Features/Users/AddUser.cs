using System.Security.Claims;
using System.Text.Json;
using Lindung.Application;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Areas;
using Lindung.Features.Agencies;
using Lindung.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Users;

/// <summary>
/// A user to create. The agency is named by id (the admin page) or by code (the command line);
/// <paramref name="Password"/> null means one is generated and returned once; it is a one-time
/// password the user must change at first sign-in, unless <paramref name="GeneratedPasswordIsFinal"/>
/// (the demo sign-ins, whose passwords are printed for everyone to use).
/// </summary>
internal sealed record AddUserRequest(
    string? Email,
    string? Role,
    string? DisplayName = null,
    Guid? AgencyId = null,
    string? AgencyCode = null,
    IReadOnlyList<string>? Regions = null,
    bool WholeInstallation = false,
    string? Password = null,
    bool GeneratedPasswordIsFinal = false);

/// <summary>The created user; <see cref="GeneratedPassword"/> is set only when the request gave none.</summary>
internal sealed record AddedUser(string Id, string Email, string Role, string? GeneratedPassword);

/// <summary>
/// Creates a user with one role and a scope, on behalf of a grantor: the admin signed in on the
/// users page, or <see cref="AccessScope.Operator"/> for <c>lindung user add</c>. A grantor can only
/// create users it could itself see (<see cref="UserScope"/>), with a role no stronger than its own,
/// and only a whole-installation grantor grants the whole-installation scope. The user, its role and
/// its audit event are written in one transaction: all three or none.
/// </summary>
internal sealed class AddUser(LindungDbContext db, UserManager<LindungUser> users, IAuditActor actor, TimeProvider clock)
{
    /// <summary>The audit region of a user whose scope is not one region: the whole installation, or none.</summary>
    public const string InstallationWide = "00.00";

    public async Task<UseCaseResult<AddedUser>> HandleAsync(AddUserRequest request, AccessScope grantor, CancellationToken ct)
    {
        var errors = new List<UseCaseError>();
        var email = request.Email?.Trim();
        if (string.IsNullOrEmpty(email) || !email.Contains('@', StringComparison.Ordinal) || email.Length > 256)
        {
            errors.Add(UserErrors.EmailInvalid);
        }
        else if (await users.FindByEmailAsync(email) is not null)
        {
            errors.Add(UserErrors.EmailTaken);
        }

        var role = LindungRoles.All.FirstOrDefault(r => r.Equals(request.Role?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (role is null)
        {
            errors.Add(UserErrors.RoleUnknown);
        }
        else if (!MayGrant(grantor, role))
        {
            errors.Add(UserErrors.RoleTooStrong);
        }

        var agency = await FindAgencyAsync(request, grantor, role, errors, ct);
        var regions = ReadRegions(request.Regions ?? [], grantor, role, request.WholeInstallation, errors);
        CheckScope(request, grantor, agency, regions, errors);
        if (errors.Count > 0)
        {
            return UseCaseResult<AddedUser>.Refused([.. errors]);
        }

        var user = new LindungUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = string.IsNullOrWhiteSpace(request.DisplayName) ? null : request.DisplayName.Trim(),
            AgencyId = agency?.Id,
            RegionCodes = regions,
            WholeInstallation = request.WholeInstallation,
        };
        var generated = request.Password is null ? PasswordGenerator.Next() : null;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var created = await users.CreateAsync(user, request.Password ?? generated!);
        if (!created.Succeeded)
        {
            return Rejected(created);
        }

        var assigned = await users.AddToRoleAsync(user, role!);
        if (!assigned.Succeeded)
        {
            return Rejected(assigned);
        }

        var oneTime = generated is not null && !request.GeneratedPasswordIsFinal;
        if (oneTime)
        {
            var marked = await users.AddClaimAsync(user, new Claim(LindungClaims.MustChangePassword, "true"));
            if (!marked.Succeeded)
            {
                return Rejected(marked);
            }
        }

        db.AuditEvents.Add(AuditCreation(user, role!, agency?.RegionCode, oneTime));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return UseCaseResult<AddedUser>.Ok(new AddedUser(user.Id, email!, role!, generated));
    }

    /// <summary>
    /// RegionalAdmin is the strongest role and covers every other; anyone else may grant only a
    /// role they hold themselves.
    /// </summary>
    private static bool MayGrant(AccessScope grantor, string role) =>
        grantor.IsIn(LindungRoles.RegionalAdmin) || grantor.IsIn(role);

    /// <summary>The agency among those the grantor may see; an agency outside its scope reads as unknown.</summary>
    private async Task<Agency?> FindAgencyAsync(AddUserRequest request, AccessScope grantor, string? role, List<UseCaseError> errors, CancellationToken ct)
    {
        var visible = db.AgenciesFor(grantor).AsNoTracking();
        if (request.AgencyId is { } id)
        {
            var byId = await visible.SingleOrDefaultAsync(a => a.Id == id, ct);
            if (byId is null)
            {
                errors.Add(UserErrors.AgencyUnknown);
            }

            return byId;
        }

        if (string.IsNullOrWhiteSpace(request.AgencyCode))
        {
            if (role is LindungRoles.AgencyOperator or LindungRoles.ProcurementOfficer)
            {
                errors.Add(UserErrors.AgencyRequired);
            }

            return null;
        }

        // The same code in two regions would attach the user to whichever came first: ambiguous is refused.
        var match = await AgencyLookup.ByCodeAsync(visible, request.AgencyCode, null, ct);
        if (match.Agency is null)
        {
            errors.Add(match.Ambiguous ? UserErrors.AgencyAmbiguous : UserErrors.AgencyUnknown);
        }

        return match.Agency;
    }

    /// <summary>Known Kemendagri codes of a regency/city or finer, dotted, each inside the grantor's regions.</summary>
    private static List<string> ReadRegions(
        IReadOnlyList<string> input, AccessScope grantor, string? role, bool wholeInstallation, List<UseCaseError> errors)
    {
        var regions = new List<string>();
        foreach (var code in input.Where(c => !string.IsNullOrWhiteSpace(c)))
        {
            var dotted = AreaCode.Normalize(code.Trim());
            if (dotted is null || !AreaDirectory.Embedded.Exists(dotted) || AreaCode.LevelOf(dotted) < AreaLevel.Regency)
            {
                errors.Add(UserErrors.RegionUnknown);
                return regions;
            }

            if (!grantor.Covers(dotted))
            {
                errors.Add(UserErrors.RegionOutOfScope);
                return regions;
            }

            if (!regions.Contains(dotted, StringComparer.Ordinal))
            {
                regions.Add(dotted);
            }
        }

        // A refused code has returned above, so no region here means none was given.
        if (role == LindungRoles.BranchOfficer && regions.Count == 0 && !wholeInstallation)
        {
            errors.Add(UserErrors.RegionsRequired);
        }

        return regions;
    }

    private static void CheckScope(AddUserRequest request, AccessScope grantor, Agency? agency, List<string> regions, List<UseCaseError> errors)
    {
        if (request.WholeInstallation)
        {
            if (!grantor.WholeInstallation)
            {
                errors.Add(UserErrors.WholeInstallationNotAllowed);
            }
            else if (regions.Count > 0 || agency is not null)
            {
                errors.Add(UserErrors.WholeInstallationWithScope);
            }

            return;
        }

        // Region and agency errors already name what is wrong; this catches the user with no scope
        // at all, which a scoped grantor could neither see nor manage afterwards.
        var scopeGiven = regions.Count > 0 || agency is not null;
        if (!scopeGiven && !grantor.WholeInstallation && !errors.Any(e => e.Field is UserErrors.RegionsField or UserErrors.AgencyField))
        {
            errors.Add(UserErrors.ScopeRequired);
        }
    }

    /// <summary>
    /// Users are not registry rows, so the interceptor does not see them; the creation is audited
    /// here with the fields that matter (never the password hash or security stamp). The region is
    /// the user's scope; <see cref="InstallationWide"/> marks a user of no single region.
    /// </summary>
    private AuditEvent AuditCreation(LindungUser user, string role, string? agencyRegion, bool oneTimePassword) => new()
    {
        At = clock.GetUtcNow().UtcDateTime,
        Actor = actor.Name,
        Action = AuditAction.Create,
        EntityType = nameof(LindungUser),
        EntityKey = user.Id,
        After = JsonSerializer.Serialize(new
        {
            email = user.Email,
            display_name = user.DisplayName,
            role,
            agency_id = user.AgencyId,
            region_codes = user.RegionCodes,
            whole_installation = user.WholeInstallation,
            must_change_password = oneTimePassword,
        }),
        RegionCode = agencyRegion ?? user.RegionCodes.FirstOrDefault() ?? InstallationWide,
    };

    private static UseCaseResult<AddedUser> Rejected(IdentityResult result)
    {
        var detail = string.Join(" ", result.Errors.Select(e => e.Description));
        return result.Errors.Any(e => e.Code.StartsWith("Password", StringComparison.Ordinal))
            ? UserErrors.PasswordRejected(detail)
            : UserErrors.UserRejected(detail);
    }
}
