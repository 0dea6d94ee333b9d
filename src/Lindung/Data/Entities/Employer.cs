using System.ComponentModel.DataAnnotations.Schema;
using Lindung.Domain.Contributions;

namespace Lindung.Data.Entities;

/// <summary>A company or other employer of record (including outsourcing vendors and contractors).</summary>
internal sealed class Employer : IRegionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string Name { get; set; }

    /// <summary>Nomor Induk Berusaha (OSS business licence number).</summary>
    public string? Nib { get; set; }

    public string? Npwp { get; set; }

    /// <summary>BPJS Ketenagakerjaan employer registration number, 8 digits; unique when present.</summary>
    public string? Npp { get; set; }

    public BusinessSize? BusinessSize { get; set; }

    /// <summary>JKK risk group 1–5 (PP 44/2015), decides the JKK rate.</summary>
    public int? JkkRiskGroup { get; set; }

    /// <summary>Business sector, e.g. a KBLI code or a short label.</summary>
    public string? Sector { get; set; }

    public required string RegionCode { get; set; }

    /// <summary>What a compliance check is asked with: the NPP once registered with BPJS, else the NIB, else the NPWP.</summary>
    [NotMapped]
    public string? CheckIdentifier => Npp ?? Nib ?? Npwp;
}
