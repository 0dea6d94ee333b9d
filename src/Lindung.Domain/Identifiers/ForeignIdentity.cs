using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Lindung.Domain.Validation;

namespace Lindung.Domain.Identifiers;

/// <summary>
/// A foreign worker without a NIK, known by a travel document (passport or KITAS number) and the
/// nationality that issued it. The registry holds every person under a 16-digit key; a foreigner's
/// <see cref="RegistryKey"/> is derived from the document and nationality alone, so a roster and a
/// branch's membership extract that name the same document reach the same person, and the exact
/// reconciliation pass matches them as it matches NIKs.
/// </summary>
/// <remarks>
/// The key is <c>00</c> + ten digits of a SHA-256 of nationality and document + the document's last
/// four digits. No NIK starts with <c>00</c> (no province has that code), so a key never meets a
/// real NIK, and its last four digits are the ones a user reads on the passport. Two documents share
/// a key only if their last four digits and a 10-digit hash agree (about 1 in 10^14 per pair).
/// </remarks>
public sealed record ForeignIdentity(string Nationality, string Document)
{
    /// <summary>The first two digits of every foreign key; no province code is 00.</summary>
    public const string KeyPrefix = "00";

    public const int MinDocumentLength = 6;

    public const int MaxDocumentLength = 20;

    public string RegistryKey
    {
        get
        {
            var hash = SHA256.HashData(Encoding.ASCII.GetBytes(Nationality + "|" + Document));
            var number = BitConverter.ToUInt64(hash, 0) % 10_000_000_000UL;
            var digits = new string([.. Document.Where(char.IsAsciiDigit)]);
            var tail = digits.Length >= 4 ? digits[^4..] : digits.PadLeft(4, '0');
            return string.Create(CultureInfo.InvariantCulture, $"{KeyPrefix}{number:0000000000}{tail}");
        }
    }

    /// <summary>True for a registry key of a foreign worker rather than a NIK.</summary>
    public static bool IsRegistryKey(ReadOnlySpan<char> key) =>
        key.Length == 16 && key.StartsWith(KeyPrefix, StringComparison.Ordinal) && !key.ContainsAnyExceptInRange('0', '9');

    /// <summary>
    /// Reads a document number and a nationality as written: the document upper-cased without spaces,
    /// dashes, dots or slashes, 6–20 letters and digits with at least one digit; the nationality by
    /// <see cref="Nationalities.Find"/>, never Indonesian (an Indonesian is known by NIK).
    /// </summary>
    public static ForeignIdentity? Read(string? documentCell, string? nationalityCell, out ValidationError? documentError, out ValidationError? nationalityError)
    {
        var document = NormalizeDocument(documentCell);
        documentError = document is null ? ForeignIdentityErrors.DocumentInvalid : null;
        var nationality = Nationalities.Find(nationalityCell);
        nationalityError = string.IsNullOrWhiteSpace(nationalityCell) ? ForeignIdentityErrors.NationalityEmpty
            : nationality is null ? ForeignIdentityErrors.NationalityUnknown
            : nationality == Nationalities.Indonesia ? ForeignIdentityErrors.NationalityIndonesian
            : null;
        return documentError is null && nationalityError is null ? new ForeignIdentity(nationality!, document!) : null;
    }

    /// <summary>The document with its middle hidden, as lists show it: <c>E1******67</c>.</summary>
    public string MaskedDocument => Document.Length <= 4
        ? new string('*', Document.Length)
        : string.Concat(Document.AsSpan(0, 2), new string('*', Document.Length - 4), Document.AsSpan(Document.Length - 2));

    /// <summary>A passport or KITAS number as <see cref="Read"/> keeps it, or null when the text cannot be one.</summary>
    public static string? NormalizeDocument(string? cell)
    {
        var kept = new StringBuilder(MaxDocumentLength);
        foreach (var c in (cell ?? string.Empty).Trim().TrimStart('\''))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (kept.Length == MaxDocumentLength)
                {
                    return null;
                }

                kept.Append(char.ToUpperInvariant(c));
            }
            else if (c is not (' ' or '-' or '.' or '/'))
            {
                return null;
            }
        }

        var text = kept.ToString();
        return text.Length >= MinDocumentLength && text.Any(char.IsAsciiDigit) ? text : null;
    }
}
