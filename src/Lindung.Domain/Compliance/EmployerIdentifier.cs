using System.Text.Json.Serialization;
using Lindung.Domain.Validation;

namespace Lindung.Domain.Compliance;

/// <summary>Which register an employer identifier comes from; its length tells them apart.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EmployerIdentifierKind>))]
public enum EmployerIdentifierKind
{
    /// <summary>BPJS Ketenagakerjaan employer registration number, 8 digits.</summary>
    [JsonStringEnumMemberName("npp")] Npp,

    /// <summary>Nomor Induk Berusaha from OSS, 13 digits.</summary>
    [JsonStringEnumMemberName("nib")] Nib,

    /// <summary>Tax number: 15 digits, or 16 since PMK 112/2022.</summary>
    [JsonStringEnumMemberName("npwp")] Npwp,
}

/// <summary>
/// An identifier a licensing or procurement clerk types or a system sends: NPP, NIB or NPWP. The
/// separators people write (<c>01.234.567.8-901.000</c>) are dropped; what remains must be digits of
/// one of the three lengths.
/// </summary>
public sealed record EmployerIdentifier(EmployerIdentifierKind Kind, string Value)
{
    public static readonly ValidationError Empty = new(
        "IDENTIFIER_EMPTY",
        "Isi NPP, NIB atau NPWP pemberi kerja.",
        "Enter the employer's NPP, NIB or NPWP.");

    public static readonly ValidationError NotDigits = new(
        "IDENTIFIER_NOT_DIGITS",
        "NPP, NIB dan NPWP hanya berisi angka (titik, tanda hubung dan spasi boleh).",
        "An NPP, NIB or NPWP holds only digits (dots, dashes and spaces are allowed).");

    public static readonly ValidationError WrongLength = new(
        "IDENTIFIER_LENGTH",
        "Panjang tidak dikenali: NPP 8 angka, NIB 13 angka, NPWP 15 atau 16 angka.",
        "Unknown length: an NPP has 8 digits, an NIB 13, an NPWP 15 or 16.");

    public static bool TryParse(string? text, out EmployerIdentifier? identifier, out ValidationError? error)
    {
        identifier = null;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = Empty;
            return false;
        }

        Span<char> digits = stackalloc char[32];
        var length = 0;
        foreach (var c in text.AsSpan().Trim())
        {
            if (c is '.' or '-' or ' ' or '/')
            {
                continue;
            }

            if (!char.IsAsciiDigit(c))
            {
                error = NotDigits;
                return false;
            }

            if (length == digits.Length)
            {
                error = WrongLength;
                return false;
            }

            digits[length++] = c;
        }

        EmployerIdentifierKind? kind = length switch
        {
            8 => EmployerIdentifierKind.Npp,
            13 => EmployerIdentifierKind.Nib,
            15 or 16 => EmployerIdentifierKind.Npwp,
            _ => null,
        };
        if (kind is null)
        {
            error = length == 0 ? NotDigits : WrongLength;
            return false;
        }

        identifier = new EmployerIdentifier(kind.Value, new string(digits[..length]));
        return true;
    }

    /// <summary>
    /// The forms an NPWP may be stored in: a 16-digit NPWP of a business is its old 15-digit number
    /// with a leading zero, so either form finds the other.
    /// </summary>
    public IReadOnlyList<string> NpwpForms() => Kind != EmployerIdentifierKind.Npwp
        ? []
        : Value.Length == 15 ? [Value, "0" + Value]
        : Value[0] == '0' ? [Value, Value[1..]]
        : [Value];
}
