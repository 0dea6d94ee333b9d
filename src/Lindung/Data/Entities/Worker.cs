using Lindung.Domain.Identifiers;

namespace Lindung.Data.Entities;

/// <summary>A person, identified by NIK. Never log <see cref="Nik"/>.</summary>
internal sealed class Worker : IRegionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>
    /// Nomor Induk Kependudukan, 16 digits; unique. A foreign worker without a NIK holds the registry
    /// key of <see cref="TravelDocument"/> and <see cref="Nationality"/> here (<see cref="ForeignIdentity.RegistryKey"/>).
    /// </summary>
    public required string Nik { get; set; }

    /// <summary>A foreign worker's nationality (ISO 3166-1 alpha-3); null for a person known by NIK.</summary>
    public string? Nationality { get; set; }

    /// <summary>A foreign worker's passport or KITAS number, as normalised; null for a person known by NIK.</summary>
    public string? TravelDocument { get; set; }

    public required string Name { get; set; }

    public DateOnly? BirthDate { get; set; }

    public Sex? Sex { get; set; }

    /// <summary>Domicile: the village code (<c>PP.KK.CC.DDDD</c>) when known, else the regency code.</summary>
    public required string RegionCode { get; set; }

    public string? Phone { get; set; }

    public SocialSecurityScheme Scheme { get; set; } = SocialSecurityScheme.BpjsTk;

    /// <summary>The import batch that first registered this person; null when entered by hand. Undoing that batch removes them.</summary>
    public Guid? ImportBatchId { get; set; }
}
