using Lindung.Domain.Validation;

namespace Lindung.Domain.Identifiers;

/// <summary>
/// The outcome of checking one NIK. The parts that could be read are filled in even when the NIK is
/// invalid (a wrong serial still tells the district), so reports can say as much as is known.
/// </summary>
public sealed record NikCheck(
    string Input,
    string? Normalized,
    string? DistrictCode,
    string? DistrictName,
    DateOnly? BirthDate,
    Sex? Sex,
    IReadOnlyList<ValidationError> Errors,
    string? SuccessorDistrictCode = null)
{
    /// <summary>
    /// The district's code today: <see cref="DistrictCode"/> keeps the digits as issued, which differ
    /// when the NIK was issued under a regency code retired since (<see cref="Areas.RetiredAreaCodes"/>).
    /// </summary>
    public string? CurrentDistrictCode => SuccessorDistrictCode ?? DistrictCode;

    public bool IsValid => Errors.Count == 0;

    /// <summary>A foreign worker's registry key read as a NIK: no area, birth date or sex (its digits hold none), no errors.</summary>
    public static NikCheck ForeignKey(string input, string? key) => new(input, key, null, null, null, null, []);

    public string? ProvinceCode => DistrictCode?[..2];

    public string? RegencyCode => DistrictCode?[..5];

    /// <summary>The parsed NIK when valid; null otherwise.</summary>
    public Nik? Value => IsValid ? new Nik(Normalized!, DistrictCode!, BirthDate!.Value, Sex!.Value, int.Parse(Normalized![12..], System.Globalization.CultureInfo.InvariantCulture)) : null;
}
