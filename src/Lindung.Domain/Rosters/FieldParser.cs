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
    /// A monthly wage as <see cref="WageText.Read(string?, out long)"/> reads it; null when unreadable or above
    /// <see cref="WageText.MaxMonthly"/>, so reconciliation never prices an absurd wage. Negative
    /// amounts come back negative, for validation to refuse.
    /// </summary>
    public static long? Wage(string? text) => WageText.Read(text, out var wage) == WageReading.Read ? wage : null;

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
}
