using Microsoft.AspNetCore.Identity;

namespace Lindung.Data.Entities;

/// <summary>A person who signs in to Lindung, with the scope their roles apply to.</summary>
internal sealed class LindungUser : IdentityUser
{
    public string? DisplayName { get; set; }

    /// <summary>The one agency an AgencyOperator works for.</summary>
    public Guid? AgencyId { get; set; }

    /// <summary>Region codes a BranchOfficer (or a regional admin) may see.</summary>
    public List<string> RegionCodes { get; set; } = [];

    /// <summary>
    /// The user's scope is every region of the installation. Explicit, because a user with no
    /// region and no agency sees nothing: a forgotten region must never read as "everything".
    /// </summary>
    public bool WholeInstallation { get; set; }

    /// <summary>UI language: <c>id</c> or <c>en</c>.</summary>
    public string PreferredLanguage { get; set; } = "id";
}
