namespace Lindung.Domain.Areas;

/// <summary>Kemendagri administrative levels, from the widest to the narrowest.</summary>
public enum AreaLevel
{
    Province = 1,
    Regency = 2,
    District = 3,
    Village = 4,
}
