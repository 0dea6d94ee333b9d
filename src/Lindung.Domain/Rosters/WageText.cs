namespace Lindung.Domain.Rosters;

/// <summary>What reading a wage cell found.</summary>
public enum WageReading
{
    /// <summary>A rupiah amount (possibly zero or negative: the validator refuses those).</summary>
    Read,

    /// <summary>Not a rupiah amount as spreadsheets write one.</summary>
    Unreadable,

    /// <summary>A well-formed amount above <see cref="WageText.MaxMonthly"/>.</summary>
    TooLarge,
}

/// <summary>
/// Reads a monthly wage strictly, in the shapes Indonesian spreadsheets write: "2500000",
/// "2.500.000", "2,500,000", "2 500 000", "Rp 2.500.000,00", "Rp. 2.500.000,-", "IDR 2500000",
/// Excel's "2500000.0", a leading ' (Excel's text marker) and a minus sign before the digits or
/// after "Rp". Cents are dropped. Anything else is unreadable rather than guessed at: no exponent
/// ("1e309" is not 1,309), no hex ("0x10" is not 10), no words ("2,5 juta"), no stray characters.
/// </summary>
public static class WageText
{
    /// <summary>
    /// The largest monthly wage accepted: Rp1,000,000,000. DOMAIN.md sets no upper limit for the
    /// wage itself (JKK, JKM and JHT take the full wage; only the JP base is capped, near Rp11
    /// million), so this is a plausibility bound, not a legal one: about ninety times the JP cap and
    /// far above any honorarium or PU wage a roster or extract holds, yet small enough that every
    /// contribution computed from it stays exact in a <see cref="long"/>. A larger cell is a slip
    /// (a NIK or account number in the wage column, 9,223,372,036,854,775,807) and is refused as
    /// WAGE_TOO_LARGE instead of priced.
    /// </summary>
    public const long MaxMonthly = 1_000_000_000;

    /// <summary>Reads <paramref name="text"/>; <paramref name="wage"/> is set only when the answer is <see cref="WageReading.Read"/>.</summary>
    public static WageReading Read(string? text, out long wage) => Read(text, MaxMonthly, out wage);

    /// <summary>
    /// Reads a rupiah amount in the same shapes with another plausibility bound (a contract value
    /// runs to billions); <paramref name="max"/> must leave room for one more digit in a <see cref="long"/>.
    /// </summary>
    public static WageReading Read(string? text, long max, out long wage)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(max, long.MaxValue / 100);
        wage = 0;
        var value = (text ?? string.Empty).AsSpan().Trim();
        if (value.StartsWith('\''))
        {
            value = value[1..].TrimStart();
        }

        var negative = TakeMinus(ref value);
        if (value.StartsWith("Rp", StringComparison.OrdinalIgnoreCase))
        {
            value = value[2..];
            value = (value.StartsWith('.') ? value[1..] : value).TrimStart();
        }
        else if (value.StartsWith("IDR", StringComparison.OrdinalIgnoreCase))
        {
            value = value[3..].TrimStart();
        }

        negative = TakeMinus(ref value) || negative;
        if (value.EndsWith(",-", StringComparison.Ordinal) || value.EndsWith(".-", StringComparison.Ordinal))
        {
            value = value[..^2];
        }

        if (!Integer(value, out var digits))
        {
            return WageReading.Unreadable;
        }

        var amount = 0L;
        foreach (var c in digits)
        {
            if (char.IsAsciiDigit(c))
            {
                // Stops before it could overflow: one digit past the bound already decides.
                amount = (amount * 10) + (c - '0');
                if (amount > max)
                {
                    if (!negative)
                    {
                        return WageReading.TooLarge;
                    }

                    break;
                }
            }
        }

        wage = negative ? -amount : amount;
        return WageReading.Read;
    }

    private static bool TakeMinus(ref ReadOnlySpan<char> value)
    {
        if (!value.StartsWith('-'))
        {
            return false;
        }

        value = value[1..].TrimStart();
        return true;
    }

    /// <summary>The whole-rupiah part of a plain, grouped or decimal number (group separators left in); false for anything else.</summary>
    private static bool Integer(ReadOnlySpan<char> value, out ReadOnlySpan<char> integer)
    {
        integer = value;
        if (value.IsEmpty || !char.IsAsciiDigit(value[0]))
        {
            return false;
        }

        var separators = 0;
        foreach (var c in value)
        {
            if (!char.IsAsciiDigit(c))
            {
                if (c is not ('.' or ',') && !char.IsWhiteSpace(c))
                {
                    return false;
                }

                separators++;
            }
        }

        if (separators == 0)
        {
            return true;
        }

        if (Grouped(value, '.', ',', out integer) || Grouped(value, ',', '.', out integer)
            || Grouped(value, ' ', ',', out integer) || Grouped(value, ' ', '.', out integer))
        {
            return true;
        }

        // One separator with at most two digits after it: a decimal fraction ("2500000.0").
        var point = value.IndexOfAny('.', ',');
        integer = value[..Math.Max(point, 0)];
        return separators == 1 && point > 0 && value.Length - point <= 3;
    }

    /// <summary>
    /// "2.500.000" or "2.500.000,50" when <paramref name="group"/> is '.' and <paramref name="fraction"/> ','
    /// (a ' ' group stands for any space, the no-break spaces spreadsheets use included): groups of
    /// three after a first group of one to three digits, and at most two decimals.
    /// </summary>
    private static bool Grouped(ReadOnlySpan<char> value, char group, char fraction, out ReadOnlySpan<char> integer)
    {
        integer = value;
        var point = value.IndexOf(fraction);
        if (point >= 0)
        {
            var cents = value[(point + 1)..];
            if (cents.Length is 0 or > 2 || cents.ContainsAnyExceptInRange('0', '9'))
            {
                return false;
            }

            integer = value[..point];
        }

        var digitsBefore = 0;
        var groups = 0;
        for (var i = 0; i < integer.Length; i++)
        {
            var c = integer[i];
            if (char.IsAsciiDigit(c))
            {
                digitsBefore++;
                continue;
            }

            var isGroup = group == ' ' ? char.IsWhiteSpace(c) : c == group;
            if (!isGroup || digitsBefore is < 1 or > 3 || (groups > 0 && digitsBefore != 3))
            {
                return false;
            }

            groups++;
            digitsBefore = 0;
        }

        return groups > 0 && digitsBefore == 3;
    }
}
