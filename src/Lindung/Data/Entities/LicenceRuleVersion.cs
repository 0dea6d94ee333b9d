namespace Lindung.Data.Entities;

/// <summary>
/// One version of a region's licence rule (<see cref="Domain.Licensing.LicenceRule"/>): in force from
/// <see cref="EffectiveFrom"/> until the next version of the same type and region. Rows are only
/// ever added — a change is a new version — so every decision can name the rule it used.
/// <see cref="RegionCode"/> is a regency/city, or <c>PP.00</c> for a whole province.
/// </summary>
internal sealed class LicenceRuleVersion : IRegionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Upper-case code, e.g. <c>PBG</c>.</summary>
    public required string LicenceType { get; set; }

    public required string NameId { get; set; }

    public required string NameEn { get; set; }

    public DateOnly EffectiveFrom { get; set; }

    public bool RequiresProof { get; set; } = true;

    public bool WithheldUnderTmp2t { get; set; }

    public bool ExemptMicro { get; set; }

    public bool AcceptBpuForSoleTrader { get; set; }

    /// <summary>Outcome per finding code, <c>ARREARS=TOLAK,PDS_WAGE=TINJAU</c>.</summary>
    public required string Outcomes { get; set; }

    public required string LegalBasis { get; set; }

    /// <summary>True when the legal basis is an example still to be confirmed against the regulation.</summary>
    public bool LegalBasisIsExample { get; set; }

    /// <summary>Where the version came from: <c>file:&lt;name&gt;</c> or the admin's name.</summary>
    public required string Source { get; set; }

    public DateTime CreatedAt { get; set; }

    public required string RegionCode { get; set; }
}
