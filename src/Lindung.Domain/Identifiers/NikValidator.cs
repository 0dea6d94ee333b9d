using Lindung.Domain.Areas;
using Lindung.Domain.Validation;

namespace Lindung.Domain.Identifiers;

/// <summary>
/// Validates NIKs against the rules of Perpres 96/2018 as applied by Dukcapil: 16 digits, a known
/// province, regency and district (valid when issued: see <see cref="RetiredAreaCodes"/>), a real birth date (women: day + 40) and a serial from 0001.
/// </summary>
public sealed class NikValidator(AreaDirectory areas)
{
    /// <param name="input">The NIK as the user wrote it; spreadsheet damage is repaired where lossless.</param>
    /// <param name="today">Today's date, used to infer the birth century (the holder is 0–100 years old).</param>
    public NikCheck Check(string? input, DateOnly today)
    {
        var given = input ?? string.Empty;
        switch (NikRepair.Clean(input, out var digits))
        {
            case NikRepair.Outcome.Empty:
                return Rejected(given, NikErrors.Empty);
            case NikRepair.Outcome.ScientificNotation:
                return Rejected(given, NikErrors.ScientificNotation);
        }

        if (digits.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            return Rejected(given, NikErrors.InvalidCharacters);
        }

        if (digits.Length != 16)
        {
            return Rejected(given, NikErrors.Length);
        }

        var errors = new List<ValidationError>(2);
        var districtCode = AreaCode.Dotted(digits.AsSpan(0, 6));
        var district = areas.Find(districtCode);
        var successor = district is null ? RetiredAreaCodes.Successor(districtCode) : null;
        if (successor is not null)
        {
            // Issued before a split: the area digits stay on the KTP for life.
            district = areas.Find(successor);
            successor = district is null ? null : successor;
        }

        if (district is null)
        {
            var regencyKnown = areas.Exists(districtCode[..5]) || RetiredAreaCodes.Successor(districtCode[..5]) is not null;
            errors.Add(!areas.Exists(districtCode[..2]) ? NikErrors.ProvinceUnknown
                : !regencyKnown ? NikErrors.RegencyUnknown
                : NikErrors.DistrictUnknown);
        }

        var (birthDate, sex) = ReadBirth(digits, today);
        if (birthDate is null)
        {
            errors.Add(NikErrors.BirthDateInvalid);
        }

        if (digits.EndsWith("0000", StringComparison.Ordinal))
        {
            errors.Add(NikErrors.SerialZero);
        }

        return new NikCheck(given, digits, districtCode, district?.Name, birthDate, sex, errors, successor);
    }

    /// <summary>
    /// The birth date held by 16 NIK digits (null when it is no real date 0–100 years before
    /// <paramref name="today"/>), as <see cref="Check"/> reads it, without the allocations of a full
    /// check: the exact reconciliation pass asks this of every roster row.
    /// </summary>
    public static DateOnly? BirthDateOf(ReadOnlySpan<char> digits, DateOnly today)
    {
        if (digits.Length != 16 || digits.ContainsAnyExceptInRange('0', '9'))
        {
            throw new ArgumentException("Expected 16 digits.", nameof(digits));
        }

        return ReadBirth(digits, today).BirthDate;
    }

    private static NikCheck Rejected(string input, ValidationError error) =>
        new(input, null, null, null, null, null, [error]);

    private static (DateOnly? BirthDate, Sex? Sex) ReadBirth(ReadOnlySpan<char> digits, DateOnly today)
    {
        var day = TwoDigits(digits, 6);
        var month = TwoDigits(digits, 8);
        var yearInCentury = TwoDigits(digits, 10);
        var sex = day > 40 ? Identifiers.Sex.P : Identifiers.Sex.L;
        if (sex == Identifiers.Sex.P)
        {
            day -= 40;
        }

        // The latest century that does not put the birth in the future; within a 100-year window
        // that choice is unique, so the holder is always 0–100 years old.
        var century = today.Year / 100 * 100;
        for (var year = century + yearInCentury; year > century - 200; year -= 100)
        {
            if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            {
                // 29 February may exist in one century and not the other (1900 vs 2000).
                continue;
            }

            var date = new DateOnly(year, month, day);
            if (date <= today)
            {
                return today < date.AddYears(101) ? (date, sex) : (null, sex);
            }
        }

        return (null, sex);
    }

    private static int TwoDigits(ReadOnlySpan<char> digits, int start) => ((digits[start] - '0') * 10) + digits[start + 1] - '0';
}
