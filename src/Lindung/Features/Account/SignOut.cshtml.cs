using Lindung.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lindung.Features.Account;

/// <summary>
/// Sign-out is a POST with an anti-forgery token (Razor Pages validate it), never a link. It also
/// renews the user's security stamp, so any copy of the session cookie stops working at once
/// (<see cref="Security.SessionStamp"/>); the user's other sessions end with it.
/// </summary>
internal sealed class SignOutModel(SignInManager<LindungUser> signIn) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.UserManager.GetUserAsync(User) is { } user)
        {
            await signIn.UserManager.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();
        return LocalRedirect("/account/signin");
    }
}
