namespace Lindung.Domain.Areas;

/// <summary>
/// A province, regency/city, district or village with its Kemendagri code in dotted form
/// ("35", "35.77", "35.77.01", "35.77.01.1001").
/// </summary>
public sealed record Area(string Code, string Name, AreaLevel Level)
{
    /// <summary>The code of the enclosing area, or null for a province.</summary>
    public string? ParentCode => Level == AreaLevel.Province ? null : Code[..Code.LastIndexOf('.')];

    /// <summary>True for a city (kota: regency digits 71–99), false for a kabupaten.</summary>
    public bool IsCity => Level == AreaLevel.Regency && Code[3] >= '7';

    /// <summary>True for a kelurahan (village digits start with 1), false for a desa (2).</summary>
    public bool IsUrbanVillage => Level == AreaLevel.Village && Code[^4] == '1';
}
