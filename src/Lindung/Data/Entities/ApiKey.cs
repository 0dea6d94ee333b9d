namespace Lindung.Data.Entities;

/// <summary>
/// A credential for a machine client (a licensing or procurement system). The key is
/// <c>lk_&lt;prefix&gt;_&lt;secret&gt;</c>; only the prefix (shown to humans) and the SHA-256 of the whole
/// key are stored, never the secret. A key acts with one role, like a user, and is always bound to
/// one region (<see cref="RegionCode"/>, its scope and shard key) and, for an agency's system, to
/// one agency.
/// </summary>
internal sealed class ApiKey : IRegionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string Name { get; set; }

    /// <summary>12 lowercase hex characters; unique; identifies the key in lists, logs and <c>apikey revoke</c>.</summary>
    public required string Prefix { get; set; }

    /// <summary>SHA-256 of the whole key, lowercase hex.</summary>
    public required string SecretHash { get; set; }

    /// <summary>One of <see cref="LindungRoles.ForApiKeys"/>.</summary>
    public required string Role { get; set; }

    public Guid? AgencyId { get; set; }

    public Agency? Agency { get; set; }

    public required string CreatedBy { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Updated at most once a minute, outside the audit trail (it is not a change of the key).</summary>
    public DateTime? LastUsedAt { get; set; }

    public DateTime? RevokedAt { get; set; }

    /// <summary>The region the key may see: the agency's region for an agency key.</summary>
    public required string RegionCode { get; set; }
}
