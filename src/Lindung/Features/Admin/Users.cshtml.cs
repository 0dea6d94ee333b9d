using Lindung.Cli;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Areas;
using Lindung.Features.Shared;
using Lindung.Features.Users;
using Lindung.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Admin;

/// <summary>Users with their roles and scope, and a form that creates one through <see cref="UserAddCommand.AddAsync"/>.</summary>
[Authorize(Policy = Policies.Administration)]
internal sealed class UsersModel(LindungDbContext db, UserManager<LindungUser> users) : PageModel
{
    [BindProperty]
    public UserInput Input { get; set; } = new();

    public IReadOnlyList<Agency> Agencies { get; private set; } = [];

    public IReadOnlyList<UserRow> Users { get; private set; } = [];

    /// <summary>Shown once, right after creation; never stored in clear and never sent again.</summary>
    public string? OneTimePassword { get; private set; }

    public string? CreatedEmail { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = AccessScope.From(User);
        var email = Input.Email?.Trim();
        if (string.IsNullOrEmpty(email) || !email.Contains('@', StringComparison.Ordinal) || email.Length > 256)
        {
            ModelState.AddModelError("Input.Email", "admin.error.email");
        }
        else if (await users.FindByEmailAsync(email) is not null)
        {
            ModelState.AddModelError("Input.Email", "admin.error.email-taken");
        }

        var role = LindungRoles.All.FirstOrDefault(r => r == Input.Role);
        if (role is null)
        {
            ModelState.AddModelError("Input.Role", "admin.error.role");
        }

        string? agencyCode = null;
        if (Input.AgencyId is { } agencyId)
        {
            agencyCode = await db.AgenciesFor(scope).Where(a => a.Id == agencyId).Select(a => a.Code).FirstOrDefaultAsync(ct);
            if (agencyCode is null)
            {
                ModelState.AddModelError("Input.AgencyId", "admin.error.agency");
            }
            else if (await db.Agencies.CountAsync(a => a.Code == agencyCode, ct) > 1)
            {
                // The user verb finds agencies by code; an ambiguous code would attach the wrong one.
                ModelState.AddModelError("Input.AgencyId", "admin.error.agency-ambiguous");
            }
        }
        else if (role == LindungRoles.AgencyOperator)
        {
            ModelState.AddModelError("Input.AgencyId", "admin.error.agency-required");
        }

        var regions = new List<string>();
        foreach (var code in (Input.Regions ?? string.Empty).Split([',', ' ', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var region = AdminRegions.Validate(code, scope, out var error);
            if (error is not null)
            {
                ModelState.AddModelError("Input.Regions", error);
                break;
            }

            regions.Add(region!);
        }

        if (role == LindungRoles.BranchOfficer && regions.Count == 0 && ModelState.KeysFor("Input.Regions").Any() is false)
        {
            ModelState.AddModelError("Input.Regions", "admin.error.regions-required");
        }

        if (ModelState.IsValid)
        {
            try
            {
                var request = new NewUser(email!, role!, string.IsNullOrWhiteSpace(Input.DisplayName) ? null : Input.DisplayName.Trim(), agencyCode, regions, Password: null);
                OneTimePassword = await UserAddCommand.AddAsync(HttpContext.RequestServices, request, ct);
                CreatedEmail = email;
                Input = new UserInput();
                ModelState.Clear();
                // The page now carries a password: keep it out of every cache.
                Response.Headers.CacheControl = "no-store";
            }
            catch (UsageException)
            {
                ModelState.AddModelError(string.Empty, "admin.error.user-failed");
            }
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Agencies = await db.AgenciesFor(AccessScope.From(User)).AsNoTracking().OrderBy(a => a.Name).ToListAsync(ct);
        var roles = await db.UserRoles
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(ct);
        var agencyNames = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var all = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(ct);
        Users = [.. all.Select(u => new UserRow(
            u.Email ?? u.UserName ?? u.Id,
            u.DisplayName,
            [.. roles.Where(r => r.UserId == u.Id).Select(r => r.Name!)],
            u.AgencyId is { } a && agencyNames.TryGetValue(a, out var name) ? name : null,
            [.. u.RegionCodes.Select(c => AreaDirectory.Embedded.Find(c)?.Name ?? c)],
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
}

internal sealed record UserRow(string Email, string? DisplayName, IReadOnlyList<string> Roles, string? Agency, IReadOnlyList<string> Regions, bool LockedOut);
