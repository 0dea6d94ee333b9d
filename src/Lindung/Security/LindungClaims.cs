namespace Lindung.Security;

/// <summary>Claims that carry a user's data scope into every request.</summary>
internal static class LindungClaims
{
    /// <summary>The agency an AgencyOperator works for (a Guid).</summary>
    public const string Agency = "lindung:agency";

    /// <summary>One claim per region code the user may see (a BranchOfficer's branch area).</summary>
    public const string Region = "lindung:region";

    /// <summary>Present (value "true") only for a user whose scope is the whole installation; its absence never widens a scope.</summary>
    public const string WholeInstallation = "lindung:whole-installation";

    /// <summary>
    /// A user claim (stored with the user, value "true") while the password is a one-time password
    /// someone else chose; removed when the user sets their own.
    /// </summary>
    public const string MustChangePassword = "lindung:must-change-password";
}
