namespace Lindung.Bench.Nik;

/// <summary>NIKs as they arrive from agency spreadsheets: mostly fine, some damaged, some wrong.</summary>
internal static class NikSamples
{
    public static IEnumerable<string> Generate(int rows, int seed, string[] districts, DateOnly today)
    {
        var random = new Random(seed);
        for (var i = 0; i < rows; i++)
        {
            var district = districts[random.Next(districts.Length)].Replace(".", string.Empty, StringComparison.Ordinal);
            var birth = today.AddDays(-random.Next(15 * 365, 70 * 365));
            var female = random.Next(2) == 1;
            var day = birth.Day + (female ? 40 : 0);
            var nik = FormattableString.Invariant($"{district}{day:00}{birth.Month:00}{birth.Year % 100:00}{random.Next(1, 10000):0000}");
            yield return random.Next(100) switch
            {
                < 80 => nik,
                < 84 => "'" + nik,
                < 87 => $"{nik[..4]} {nik[4..8]} {nik[8..12]} {nik[12..]}",
                < 89 => nik + ".0",
                < 91 => FormattableString.Invariant($"{nik[0]}.{nik[1..6]}E+15"),
                < 93 => nik[..15],
                < 95 => nik[..12] + "0000",
                < 97 => nik[..6] + "32" + nik[8..],
                _ => "99" + nik[2..],
            };
        }
    }
}
