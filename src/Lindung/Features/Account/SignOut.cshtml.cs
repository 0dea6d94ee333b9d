using Lindung.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lindung.Features.Account;

/// <summary>Sign-out is a POST with an anti-forgery token (Razor Pages validate it), never a link.</summary>
internal sealed class SignOutModel(SignInManager<LindungUser> signIn) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("/account/signin");
    }
}
