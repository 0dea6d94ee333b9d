using System.Globalization;
using Lindung.Domain.Identifiers;

namespace Lindung.Domain.Rosters;

/// <summary>
/// Reads cell values the way spreadsheets write them: dates in several layouts or as Excel serial
/// numbers, sex as L/P or words, wages with Indonesian thousands separators and "Rp". Every parser
/// returns null for a value it cannot read; it never guesses.
/// </summary>
public static class FieldParser
{
    private static readonly DateOnly ExcelEpoch = new(1899, 12, 30);

    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd", "yyyy-M-d", "dd/MM/yyyy", "d/M/yyyy", "dd-MM-yyyy", "d-M-yyyy", "dd.MM.yyyy", "d.M.yyyy", "yyyy/MM/dd",
    ];

    public static DateOnly? Date(string? text)
    {
        var value = (text ?? string.Empty).Trim();
        if (value.Length == 0)
        {
            return null;
        }

        // "1990-03-12 00:00:00" and "1990-03-12T00:00:00" from database exports.
        var cut = value.IndexOfAny([' ', 'T']);
        if (cut > 0)
        {
            value = value[..cut];
        }

        if (DateOnly.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        // Excel serial day numbers (1 = 1900-01-01 counting Excel's phantom 29 Feb 1900); only
        // plausible birth and start dates, 1900–2099, so an NIK or wage is never read as a date.
        if (double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var serial)
            && serial is >= 61 and < 73051 && serial == Math.Floor(serial))
        {
            return ExcelEpoch.AddDays((int)serial);
        }

        return null;
    }

    public static Sex? Sex(string? text)
    {
        var folded = HeaderMap.Fold(text ?? string.Empty);
        return folded switch
        {
            "l" or "lk" or "laki" or "lakilaki" or "laki2" or "pria" or "m" or "male" or "1" => Identifiers.Sex.L,
            "p" or "pr" or "perempuan" or "wanita" or "w" or "f" or "female" or "2" => Identifiers.Sex.P,
            _ => null,
        };
    }

    /// <summary>
    /// A rupiah amount: "2500000", "2.500.000", "Rp 2.500.000,00", "2,500,000" or Excel's
    /// "2500000.0". Cents are dropped. A minus sign before the digits ("-2.500.000", "Rp -5") keeps
    /// the amount negative, so validation refuses it instead of reading it as positive.
    /// </summary>
    public static long? Wage(string? text)
    {
        var written = (text ?? string.Empty).AsSpan();
        var firstDigit = written.IndexOfAnyInRange('0', '9');
        var negative = firstDigit > 0 && written[..firstDigit].Contains('-');
        return negative ? -UnsignedWage(text) : UnsignedWage(text);
    }

    private static long? UnsignedWage(string? text)
    {
        var value = new string((text ?? string.Empty).Where(c => char.IsAsciiDigit(c) || c is '.' or ',').ToArray());
        if (value.Length == 0 || !char.IsAsciiDigit(value[0]))
        {
            return null;
        }

        var dots = value.Count(c => c == '.');
        var commas = value.Count(c => c == ',');
        string integer;
        if (dots == 0 && commas == 0)
        {
            integer = value;
        }
        else if (IsGrouped(value, '.', ','))
        {
            integer = value.Split(',')[0].Replace(".", string.Empty, StringComparison.Ordinal);
        }
        else if (IsGrouped(value, ',', '.'))
        {
            integer = value.Split('.')[0].Replace(",", string.Empty, StringComparison.Ordinal);
        }
        else if (dots + commas == 1 && value.Length - value.IndexOfAny(['.', ',']) <= 3)
        {
            // One separator with one or two digits after it: a decimal fraction.
            integer = value[..value.IndexOfAny(['.', ','])];
        }
        else
        {
            return null;
        }

        return long.TryParse(integer, NumberStyles.None, CultureInfo.InvariantCulture, out var amount) ? amount : null;
    }

    public static ProgramSet Programs(string? text)
    {
        var set = ProgramSet.None;
        foreach (var token in (text ?? string.Empty).ToUpperInvariant().Split([',', ';', '+', '/', ' ', '|', '&'], StringSplitOptions.RemoveEmptyEntries))
        {
            set |= token switch
            {
                "JKK" => ProgramSet.Jkk,
                "JKM" => ProgramSet.Jkm,
                "JHT" => ProgramSet.Jht,
                "JP" => ProgramSet.Jp,
                "JKP" => ProgramSet.Jkp,
                _ => ProgramSet.None,
            };
        }

        return set;
    }

    /// <summary>True for "AKTIF", "Aktif", "ACTIVE", "A", "Y"; anything else (NONAKTIF, KELUAR, blank) is not active.</summary>
    public static bool IsActive(string? text) =>
        HeaderMap.Fold(text ?? string.Empty) is "aktif" or "active" or "a" or "y" or "ya" or "1";

    // "2.500.000" or "2.500.000,50" when group is '.', decimal ','.
    private static bool IsGrouped(string value, char group, char fraction)
    {
        var parts = value.Split(fraction);
        if (parts.Length > 2 || (parts.Length == 2 && parts[1].Length is 0 or > 2) || !parts[0].Contains(group, StringComparison.Ordinal))
        {
            return false;
        }

        var groups = parts[0].Split(group);
        return groups[0].Length is >= 1 and <= 3 && groups.Skip(1).All(g => g.Length == 3);
    }
}
