namespace Lindung.Domain.Identifiers;

/// <summary>Sex as written on the KTP and in BPJS extracts: L (laki-laki) or P (perempuan).</summary>
public enum Sex
{
    L = 1,
    P = 2,
}
