namespace Lindung.Domain.Identifiers;

/// <summary>
/// The parts of a 16-digit NIK (PPKKCC DDMMYY SSSS). The area codes are those at the time of
/// issue, not the holder's current domicile.
/// </summary>
public sealed record Nik(string Value, string DistrictCode, DateOnly BirthDate, Sex Sex, int Serial)
{
    public string ProvinceCode => DistrictCode[..2];

    public string RegencyCode => DistrictCode[..5];

    /// <summary>Composes the 16 digits from parts; women's birth day is written as day + 40.</summary>
    public static string Compose(string districtCode, DateOnly birthDate, Sex sex, int serial)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(serial);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(serial, 9999);
        var day = birthDate.Day + (sex == Sex.P ? 40 : 0);
        var digits = districtCode.Replace(".", string.Empty, StringComparison.Ordinal);
        return FormattableString.Invariant($"{digits}{day:00}{birthDate.Month:00}{birthDate.Year % 100:00}{serial:0000}");
    }

    /// <summary>
    /// The NIK with its middle hidden, as shown in lists: <c>357701******0001</c>; a foreign worker's
    /// registry key (<see cref="ForeignIdentity.RegistryKey"/>) as <c>WNA ********4567</c>, the last
    /// four digits of the travel document.
    /// </summary>
    public static string Mask(string nik) =>
        ForeignIdentity.IsRegistryKey(nik) ? string.Concat("WNA ********", nik.AsSpan(12))
        : nik.Length == 16 ? string.Concat(nik.AsSpan(0, 6), "******", nik.AsSpan(12))
        : new string('*', nik.Length);
}
