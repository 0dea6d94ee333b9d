using Lindung.Data;
using Lindung.Data.Entities;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lindung.Features.Account;

/// <summary>
/// Unknown email, wrong password and locked account all answer "signin.failed" after one password
/// hash check, so neither the text nor the time tells whether an account exists or is locked.
/// The post is rate limited per client address (<see cref="Security.SignInProtection"/>).
/// </summary>
[AllowAnonymous]
internal sealed class SignInModel(SignInManager<LindungUser> signIn, LindungDbContext db, IAuditActor actor, TimeProvider clock) : PageModel
{
    /// <summary>A hash to verify against when there is no real one, made once with the same hasher settings.</summary>
    private static string? _decoyHash;

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email) || string.IsNullOrEmpty(Password))
        {
            Error = "signin.missing";
            return Page();
        }

        var users = signIn.UserManager;
        var user = await users.FindByEmailAsync(Email.Trim());
        if (user is null || await users.IsLockedOutAsync(user))
        {
            // Identity skips the hash for a locked account; both cases pay for one anyway.
            VerifyDecoy(users, Password);
            Error = "signin.failed";
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(user, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        if (result.IsLockedOut)
        {
            // This failure locked the account (it was not locked above).
            db.AuditEvents.Add(AccountAudit.Of(user, AuditAction.LockedOut, actor.Name, clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync(HttpContext.RequestAborted);
        }

        Error = "signin.failed";
        return Page();
    }

    private static void VerifyDecoy(UserManager<LindungUser> users, string password)
    {
        var decoy = new LindungUser();
        _decoyHash ??= users.PasswordHasher.HashPassword(decoy, Guid.NewGuid().ToString("N"));
        users.PasswordHasher.VerifyHashedPassword(decoy, _decoyHash, password);
    }
}
