using System.Security.Claims;
using Lindung.Application;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Security;
using Microsoft.AspNetCore.Identity;

namespace Lindung.Features.Account;

internal sealed record ChangePasswordRequest(string? Current, string? New, string? Confirm);

/// <summary>
/// A signed-in user replaces their password: the current one must be right, the new one typed
/// twice and accepted by the Identity password rules. The security stamp changes with it (other
/// sessions end), a one-time password mark is removed, and PASSWORD_CHANGED is audited, in one transaction.
/// </summary>
internal sealed class ChangePassword(LindungDbContext db, UserManager<LindungUser> users, IAuditActor actor, TimeProvider clock)
{
    public const string CurrentField = "current";
    public const string NewField = "new";
    public const string ConfirmField = "confirm";

    public static UseCaseError CurrentRequired { get; } = UseCaseError.Of(
        "CURRENT_PASSWORD_REQUIRED", "Isi kata sandi Anda saat ini.", "Enter your current password.", CurrentField);

    public static UseCaseError CurrentWrong { get; } = UseCaseError.Of(
        "CURRENT_PASSWORD_WRONG", "Kata sandi saat ini salah.", "The current password is wrong.", CurrentField);

    public static UseCaseError LockedOut { get; } = UseCaseError.Of(
        "ACCOUNT_LOCKED_OUT",
        "Terlalu banyak kata sandi salah: akun dikunci sementara. Masuk lagi nanti.",
        "Too many wrong passwords: the account is locked for a while. Sign in again later.");

    public static UseCaseError ConfirmationMismatch { get; } = UseCaseError.Of(
        "PASSWORD_CONFIRMATION_MISMATCH", "Kedua isian kata sandi baru tidak sama.", "The two new passwords differ.", ConfirmField);

    public static UseCaseError Unchanged { get; } = UseCaseError.Of(
        "PASSWORD_UNCHANGED", "Kata sandi baru harus berbeda dari kata sandi saat ini.", "The new password must differ from the current one.", NewField);

    public static UseCaseError TooShort(int length) => UseCaseError.Of(
        "PASSWORD_TOO_SHORT", $"Kata sandi baru minimal {length} karakter.", $"The new password needs at least {length} characters.", NewField);

    public static UseCaseError TooSimple(int unique) => UseCaseError.Of(
        "PASSWORD_TOO_SIMPLE", $"Kata sandi baru harus memuat minimal {unique} karakter berbeda.", $"The new password needs at least {unique} different characters.", NewField);

    public static UseCaseError Rejected(string detail) => UseCaseError.Of(
        "PASSWORD_REJECTED", $"Kata sandi baru ditolak: {detail}", $"The new password was refused: {detail}", NewField);

    public async Task<UseCaseResult<LindungUser>> HandleAsync(LindungUser user, ChangePasswordRequest request, CancellationToken ct)
    {
        var errors = new List<UseCaseError>();
        if (string.IsNullOrEmpty(request.Current))
        {
            errors.Add(CurrentRequired);
        }

        if (string.IsNullOrEmpty(request.New) || request.New.Length < users.Options.Password.RequiredLength)
        {
            errors.Add(TooShort(users.Options.Password.RequiredLength));
        }
        else if (request.New != request.Confirm)
        {
            errors.Add(ConfirmationMismatch);
        }
        else if (request.New == request.Current)
        {
            errors.Add(Unchanged);
        }

        if (errors.Count > 0)
        {
            return UseCaseResult<LindungUser>.Refused([.. errors]);
        }

        // A wrong current password is a failed sign-in: it counts toward the same lockout, so a
        // session left open cannot be used to guess the password it was opened with.
        if (!await users.CheckPasswordAsync(user, request.Current!))
        {
            await users.AccessFailedAsync(user);
            if (!await users.IsLockedOutAsync(user))
            {
                return CurrentWrong;
            }

            // Every session of the account ends with the lockout, this one included.
            await users.UpdateSecurityStampAsync(user);
            db.AuditEvents.Add(AccountAudit.Of(user, AuditAction.LockedOut, actor.Name, clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync(ct);
            return LockedOut;
        }

        await users.ResetAccessFailedCountAsync(user);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var changed = await users.ChangePasswordAsync(user, request.Current!, request.New!);
        if (!changed.Succeeded)
        {
            return UseCaseResult<LindungUser>.Refused([.. changed.Errors.Select(ToError)]);
        }

        var marks = (await users.GetClaimsAsync(user)).Where(c => c.Type == LindungClaims.MustChangePassword).ToList();
        if (marks.Count > 0)
        {
            var removed = await users.RemoveClaimsAsync(user, marks);
            if (!removed.Succeeded)
            {
                return Rejected(string.Join(" ", removed.Errors.Select(e => e.Description)));
            }
        }

        db.AuditEvents.Add(AccountAudit.Of(user, AuditAction.PasswordChanged, actor.Name, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return UseCaseResult<LindungUser>.Ok(user);
    }

    /// <summary>Whether the user still holds a one-time password.</summary>
    public static bool MustChange(ClaimsPrincipal user) => user.HasClaim(LindungClaims.MustChangePassword, "true");

    private UseCaseError ToError(IdentityError error) => error.Code switch
    {
        nameof(IdentityErrorDescriber.PasswordMismatch) => CurrentWrong,
        nameof(IdentityErrorDescriber.PasswordTooShort) => TooShort(users.Options.Password.RequiredLength),
        nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => TooSimple(users.Options.Password.RequiredUniqueChars),
        _ => Rejected(error.Description),
    };
}
