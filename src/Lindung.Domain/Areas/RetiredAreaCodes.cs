namespace Lindung.Domain.Areas;

/// <summary>
/// Regency codes that Kemendagri retired, with the code that succeeded each. A KTP keeps the area
/// digits it was issued with for life, so a NIK issued before a split still carries the old code
/// and must be read as valid. Today this holds the 2022 split of Papua and Papua Barat
/// (UU 14, 15, 16 and 29 of 2022: provinces 93 Papua Selatan, 94 Papua Tengah, 95 Papua
/// Pegunungan, 96 Papua Barat Daya); regencies that kept their codes are not listed.
/// </summary>
/// <remarks>
/// District digits are carried over to the successor regency (91.01.01 → 93.01.01), which is how
/// the 2022 renumbering was done; a district that has no counterpart under the successor stays
/// unknown rather than guessed.
/// </remarks>
public static class RetiredAreaCodes
{
    private static readonly Dictionary<string, string> RegencySuccessors = new(StringComparer.Ordinal)
    {
        ["91.01"] = "93.01", // Merauke
        ["91.16"] = "93.02", // Boven Digoel
        ["91.17"] = "93.03", // Mappi
        ["91.18"] = "93.04", // Asmat
        ["91.04"] = "94.01", // Nabire
        ["91.07"] = "94.02", // Puncak Jaya
        ["91.08"] = "94.03", // Paniai
        ["91.09"] = "94.04", // Mimika
        ["91.25"] = "94.05", // Puncak
        ["91.26"] = "94.06", // Dogiyai
        ["91.27"] = "94.07", // Intan Jaya
        ["91.28"] = "94.08", // Deiyai
        ["91.02"] = "95.01", // Jayawijaya
        ["91.12"] = "95.02", // Pegunungan Bintang
        ["91.13"] = "95.03", // Yahukimo
        ["91.14"] = "95.04", // Tolikara
        ["91.21"] = "95.05", // Mamberamo Tengah
        ["91.22"] = "95.06", // Yalimo
        ["91.23"] = "95.07", // Lanny Jaya
        ["91.24"] = "95.08", // Nduga
        ["92.01"] = "96.01", // Sorong
        ["92.04"] = "96.02", // Sorong Selatan
        ["92.05"] = "96.03", // Raja Ampat
        ["92.09"] = "96.04", // Tambrauw
        ["92.10"] = "96.05", // Maybrat
        ["92.71"] = "96.71", // Kota Sorong
    };

    /// <summary>Every retired regency code with its successor, for documentation and tests.</summary>
    public static IReadOnlyDictionary<string, string> Regencies => RegencySuccessors;

    /// <summary>
    /// The current code of a dotted district or regency code issued under a retired regency, or
    /// null when the code was never retired.
    /// </summary>
    public static string? Successor(string dottedCode)
    {
        ArgumentNullException.ThrowIfNull(dottedCode);
        return dottedCode.Length >= 5 && RegencySuccessors.TryGetValue(dottedCode[..5], out var regency)
            ? string.Concat(regency, dottedCode.AsSpan(5))
            : null;
    }
}
