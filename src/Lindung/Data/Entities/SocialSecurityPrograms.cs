namespace Lindung.Data.Entities;

/// <summary>The five programs; a membership holds a set of them. Stored as e.g. <c>JKK,JKM,JHT</c>.</summary>
[Flags]
internal enum SocialSecurityPrograms
{
    None = 0,
    Jkk = 1,
    Jkm = 2,
    Jht = 4,
    Jp = 8,
    Jkp = 16,
}
