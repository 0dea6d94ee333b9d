namespace Lindung.Data.Entities;

/// <summary>
/// One insert, update or delete of a registry row. Written by <see cref="Lindung.Data.AuditInterceptor"/>
/// in the same save as the change; never modified or deleted.
/// </summary>
internal sealed class AuditEvent : IRegionScoped
{
    public long Id { get; set; }

    /// <summary>When the change was saved, UTC.</summary>
    public DateTime At { get; set; }

    public required string Actor { get; set; }

    public AuditAction Action { get; set; }

    /// <summary>The changed entity's type name, e.g. <c>Worker</c>.</summary>
    public required string EntityType { get; set; }

    public required string EntityKey { get; set; }

    /// <summary>The row's columns before the change as JSON; null for a create.</summary>
    public string? Before { get; set; }

    /// <summary>The row's columns after the change as JSON; null for a delete.</summary>
    public string? After { get; set; }

    public required string RegionCode { get; set; }
}
