using Lindung.Data.Entities;
using Lindung.Features.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lindung.Features.Account;

/// <summary>Every signed-in user changes their own password here; a one-time password leads here first.</summary>
internal sealed class PasswordModel(SignInManager<LindungUser> signIn, ChangePassword change) : PageModel
{
    [BindProperty]
    public string? Current { get; set; }

    [BindProperty]
    public string? New { get; set; }

    [BindProperty]
    public string? Confirm { get; set; }

    public bool Changed { get; private set; }

    public bool Required => ChangePassword.MustChange(User);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await signIn.UserManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var result = await change.HandleAsync(user, new ChangePasswordRequest(Current, New, Confirm), ct);
        if (result.Errors.Contains(ChangePassword.LockedOut))
        {
            await signIn.SignOutAsync();
            return LocalRedirect("/account/signin");
        }

        if (!result.Succeeded)
        {
            ModelState.AddUseCaseErrors(result.Errors, _ => string.Empty);
            return Page();
        }

        // A new cookie with the new security stamp and without the one-time mark; older copies stop working.
        await signIn.RefreshSignInAsync(user);
        Changed = true;
        return Page();
    }
}
