namespace Lindung.Data.Entities;

/// <summary>Sex as written on the KTP: L (laki-laki) or P (perempuan).</summary>
internal enum Sex
{
    L,
    P,
}
