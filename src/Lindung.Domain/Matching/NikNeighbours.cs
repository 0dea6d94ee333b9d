namespace Lindung.Domain.Matching;

/// <summary>
/// The NIKs one typing slip away: one digit wrong (144 variants) or two adjacent digits swapped
/// (up to 15). A roster NIK that misses the membership list but whose neighbour hits it is a
/// candidate repair — to be confirmed by name and birth date, never taken on its own.
/// </summary>
public static class NikNeighbours
{
    public static IEnumerable<string> OneSlipAway(string nik)
    {
        ArgumentNullException.ThrowIfNull(nik);
        if (nik.Length != 16 || !nik.All(char.IsAsciiDigit))
        {
            yield break;
        }

        var digits = nik.ToCharArray();
        for (var i = 0; i < digits.Length; i++)
        {
            var original = digits[i];
            for (var d = '0'; d <= '9'; d++)
            {
                if (d == original)
                {
                    continue;
                }

                digits[i] = d;
                yield return new string(digits);
            }

            digits[i] = original;
        }

        for (var i = 0; i < digits.Length - 1; i++)
        {
            if (digits[i] == digits[i + 1])
            {
                continue;
            }

            (digits[i], digits[i + 1]) = (digits[i + 1], digits[i]);
            yield return new string(digits);
            (digits[i], digits[i + 1]) = (digits[i + 1], digits[i]);
        }
    }
}
