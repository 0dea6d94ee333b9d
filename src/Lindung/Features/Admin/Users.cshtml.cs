using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Areas;
using Lindung.Features.Shared;
using Lindung.Features.Users;
using Lindung.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Admin;

/// <summary>
/// The users this admin may manage (<see cref="UserScope"/>), with their roles and scope, and a
/// form that creates one through <see cref="AddUser"/> on the admin's own authority.
/// </summary>
[Authorize(Policy = Policies.Administration)]
internal sealed class UsersModel(LindungDbContext db, AddUser addUser) : PageModel
{
    [BindProperty]
    public UserInput Input { get; set; } = new();

    public IReadOnlyList<Agency> Agencies { get; private set; } = [];

    public IReadOnlyList<UserRow> Users { get; private set; } = [];

    /// <summary>Only a whole-installation admin is offered the whole-installation scope.</summary>
    public bool MayGrantWholeInstallation => AccessScope.From(User).WholeInstallation;

    /// <summary>Shown once, right after creation; never stored in clear and never sent again.</summary>
    public string? OneTimePassword { get; private set; }

    public string? CreatedEmail { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var regions = (Input.Regions ?? string.Empty).Split([',', ' ', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var request = new AddUserRequest(
            Input.Email, Input.Role, Input.DisplayName, Input.AgencyId, Regions: regions, WholeInstallation: Input.WholeInstallation);
        var result = await addUser.HandleAsync(request, AccessScope.From(User), ct);
        if (result.Succeeded)
        {
            OneTimePassword = result.Value.GeneratedPassword;
            CreatedEmail = result.Value.Email;
            Input = new UserInput();
            ModelState.Clear();
            // The page now carries a password: keep it out of every cache.
            Response.Headers.CacheControl = "no-store";
        }
        else
        {
            ModelState.AddUseCaseErrors(result.Errors, FieldOf);
        }

        await LoadAsync(ct);
        return Page();
    }

    private static string FieldOf(string? field) => field switch
    {
        UserErrors.EmailField => "Input.Email",
        UserErrors.RoleField => "Input.Role",
        UserErrors.AgencyField => "Input.AgencyId",
        UserErrors.RegionsField => "Input.Regions",
        UserErrors.WholeInstallationField => "Input.WholeInstallation",
        _ => string.Empty,
    };

    private async Task LoadAsync(CancellationToken ct)
    {
        var scope = AccessScope.From(User);
        Agencies = await db.AgenciesFor(scope).AsNoTracking().OrderBy(a => a.Name).ToListAsync(ct);
        var visible = await UserScope.UsersForAsync(db, scope, ct);
        var ids = visible.Select(u => u.Id).ToList();
        var roles = await db.UserRoles.Where(ur => ids.Contains(ur.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(ct);
        var agencyIds = visible.Where(u => u.AgencyId is not null).Select(u => u.AgencyId!.Value).Distinct().ToList();
        var agencyNames = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        Users = [.. visible.Select(u => new UserRow(
            u.Email ?? u.UserName ?? u.Id,
            u.DisplayName,
            [.. roles.Where(r => r.UserId == u.Id).Select(r => r.Name!)],
            u.AgencyId is { } a && agencyNames.TryGetValue(a, out var name) ? name : null,
            [.. u.RegionCodes.Select(c => AreaDirectory.Embedded.Find(c)?.Name ?? c)],
            u.WholeInstallation,
            u.LockoutEnd > DateTimeOffset.UtcNow))];
    }
}

internal sealed class UserInput
{
    public string? Email { get; set; }

    public string? DisplayName { get; set; }

    public string? Role { get; set; }

    public Guid? AgencyId { get; set; }

    /// <summary>Region codes separated by commas or spaces.</summary>
    public string? Regions { get; set; }

    public bool WholeInstallation { get; set; }
}

internal sealed record UserRow(
    string Email, string? DisplayName, IReadOnlyList<string> Roles, string? Agency, IReadOnlyList<string> Regions, bool WholeInstallation, bool LockedOut);
