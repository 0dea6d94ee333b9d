namespace Lindung.Data.Entities;

/// <summary>A regional government agency (OPD: organisasi perangkat daerah).</summary>
internal sealed class Agency : IRegionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The region's own code for the agency; unique within <see cref="RegionCode"/>.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    public AgencyKind Kind { get; set; }

    /// <summary>The central institution a vertical office answers to (e.g. <c>Kementerian Agama</c>); null for the Pemda's own agencies.</summary>
    public string? Institution { get; set; }

    public Guid? ParentAgencyId { get; set; }

    public Agency? ParentAgency { get; set; }

    public required string RegionCode { get; set; }
}
