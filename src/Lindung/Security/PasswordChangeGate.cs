namespace Lindung.Security;

/// <summary>
/// A user signed in with a one-time password (given by an administrator or <c>lindung user add</c>)
/// must choose their own before anything else: pages redirect to <see cref="PagePath"/>, API calls
/// get a 403 problem <see cref="Code"/>. The mark is the <see cref="LindungClaims.MustChangePassword"/>
/// user claim, carried in the cookie, so the check needs no lookup.
/// </summary>
internal static class PasswordChangeGate
{
    public const string PagePath = "/account/password";

    public const string Code = "PASSWORD_CHANGE_REQUIRED";

    public static IApplicationBuilder UsePasswordChangeGate(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.User.HasClaim(LindungClaims.MustChangePassword, "true") && !Exempt(context.Request.Path))
            {
                if (IdentitySetup.IsApi(context.Request))
                {
                    await ApiProblems.WriteAsync(
                        context, StatusCodes.Status403Forbidden, Code,
                        "Ganti kata sandi sekali pakai Anda di halaman /account/password sebelum memakai Lindung.",
                        "Change your one-time password at /account/password before using Lindung.");
                    return;
                }

                context.Response.Redirect(PagePath);
                return;
            }

            await next(context);
        });

    /// <summary>The change page itself, signing out and switching language stay open.</summary>
    private static bool Exempt(PathString path) =>
        path.Equals(PagePath, StringComparison.OrdinalIgnoreCase)
        || path.Equals("/account/signout", StringComparison.OrdinalIgnoreCase)
        || path.Equals("/language", StringComparison.OrdinalIgnoreCase);
}
