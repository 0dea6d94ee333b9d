using Lindung.Domain.Validation;

namespace Lindung.Domain.Identifiers;

/// <summary>
/// Who a row or request names: a NIK when one is written; otherwise, when a travel document is, a
/// foreign worker (<see cref="ForeignIdentity"/>) whose registry key stands where the NIK would.
/// The one reading that imports and hand entry share.
/// </summary>
/// <param name="Nik">The NIK rules' verdict, or for a foreign worker a check without errors whose <see cref="NikCheck.Normalized"/> is the key (null when the document or nationality failed).</param>
/// <param name="ByDocument">True when the person is named by travel document, valid or not: what a NIK would tell (birth date, sex) must then be given.</param>
/// <param name="Foreign"></param>
/// <param name="DocumentError"></param>
/// <param name="NationalityError"></param>
public sealed record PersonKey(NikCheck Nik, bool ByDocument, ForeignIdentity? Foreign, ValidationError? DocumentError, ValidationError? NationalityError)
{
    /// <summary>The NIK or foreign key when everything that names the person is valid; else null.</summary>
    public string? Key => Nik.IsValid ? Nik.Normalized : null;

    public static PersonKey Read(NikValidator niks, string? nik, string? document, string? nationality, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(niks);
        if (!string.IsNullOrWhiteSpace(nik) || string.IsNullOrWhiteSpace(document))
        {
            return new(niks.Check(nik, today), false, null, null, null);
        }

        var foreign = ForeignIdentity.Read(document, nationality, out var documentError, out var nationalityError);
        return new(NikCheck.ForeignKey(nik ?? string.Empty, foreign?.RegistryKey), true, foreign, documentError, nationalityError);
    }
}
