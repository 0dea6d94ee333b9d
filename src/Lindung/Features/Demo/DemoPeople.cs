using Lindung.Data.Entities;
using Lindung.Domain.Areas;
using NikNumber = Lindung.Domain.Identifiers.Nik;
using NikSex = Lindung.Domain.Identifiers.Sex;
using Sex = Lindung.Domain.Identifiers.Sex;

namespace Lindung.Features.Demo;

/// <summary>
/// Makes the people of the demo region: valid, unique NIKs issued mostly in Kota Madiun and its
/// neighbours, birth dates matching the NIK, a kelurahan or desa of domicile, and a phone number.
/// </summary>
internal sealed class DemoPeople
{
    public const string KotaMadiun = "35.77";
    public const string KabupatenMadiun = "35.19";

    // Where NIKs were issued: a city's workforce comes from the city and the regencies around it.
    private static readonly (string Regency, int Weight)[] NikRegencies =
    [
        (KotaMadiun, 64), (KabupatenMadiun, 16), ("35.20", 7), ("35.21", 6), ("35.02", 7),
    ];

    // Telkomsel, Indosat, XL, Tri, Axis and Smartfren prefixes after "08".
    private static readonly string[] PhonePrefixes =
    [
        "11", "12", "13", "21", "22", "23", "52", "53", "14", "15", "16", "55", "56", "57", "58",
        "17", "18", "19", "59", "77", "78", "95", "96", "97", "98", "99", "31", "32", "38", "81", "82", "83",
    ];

    private readonly Random _random;
    private readonly AreaDirectory _areas;
    private readonly DateOnly _today;
    private readonly Dictionary<string, int> _serials = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<Area>> _districts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<Area>> _villages = new(StringComparer.Ordinal);

    public DemoPeople(Random random, AreaDirectory areas, DateOnly today)
    {
        _random = random;
        _areas = areas;
        _today = today;
        foreach (var (regency, _) in NikRegencies)
        {
            _districts[regency] = areas.Children(regency);
        }
    }

    /// <summary>A worker aged 19–58 (or the given range) today, not yet saved.</summary>
    public Worker Next(Func<Guid> newId, int femalePercent, string? degree = null, bool livesInVillage = false, int minAge = 19, int maxAge = 58)
    {
        var female = _random.Next(100) < femalePercent;
        var birthDate = BirthDate(minAge, maxAge);
        var nikDistrict = NikDistrict(livesInVillage);
        var sex = female ? Sex.P : Sex.L;
        return new Worker
        {
            Id = newId(),
            Nik = NikNumber.Compose(nikDistrict, birthDate, female ? NikSex.P : NikSex.L, NextSerial(nikDistrict, birthDate, female)),
            Name = IndonesianNames.Next(_random, female, birthDate.Year, degree),
            BirthDate = birthDate,
            Sex = sex,
            RegionCode = Domicile(nikDistrict, livesInVillage),
            Phone = _random.Next(100) < 93 ? Phone() : null,
        };
    }

    private DateOnly BirthDate(int minAge, int maxAge)
    {
        var latest = _today.AddYears(-minAge);
        var earliest = _today.AddYears(-maxAge - 1).AddDays(1);
        return earliest.AddDays(_random.Next(latest.DayNumber - earliest.DayNumber + 1));
    }

    private string NikDistrict(bool livesInVillage)
    {
        var regency = livesInVillage && _random.Next(2) == 0 ? KabupatenMadiun : Weighted(NikRegencies);
        return AnyDistrict(regency);
    }

    /// <summary>Serials count up per district, birth date and sex, so every NIK is unique.</summary>
    private int NextSerial(string district, DateOnly birthDate, bool female)
    {
        var key = $"{district}{birthDate.DayNumber}{female}";
        var serial = _serials.GetValueOrDefault(key) + 1;
        _serials[key] = serial;
        return serial;
    }

    /// <summary>
    /// Most people live in the district that issued their NIK when it is nearby; newcomers from
    /// further away live in Kota Madiun, or in a Kabupaten Madiun desa when they work in villages.
    /// </summary>
    private string Domicile(string nikDistrict, bool livesInVillage)
    {
        var nearby = nikDistrict.StartsWith(KotaMadiun, StringComparison.Ordinal) || nikDistrict.StartsWith(KabupatenMadiun, StringComparison.Ordinal);
        var district = nearby && _random.Next(100) < 80 ? nikDistrict
            : !nearby && livesInVillage ? AnyDistrict(KabupatenMadiun)
            : AnyDistrict(KotaMadiun);
        var villages = Villages(district);
        return villages[_random.Next(villages.Count)].Code;
    }

    private string AnyDistrict(string regency) => _districts[regency][_random.Next(_districts[regency].Count)].Code;

    private IReadOnlyList<Area> Villages(string district)
    {
        if (!_villages.TryGetValue(district, out var villages))
        {
            villages = _areas.Children(district);
            _villages[district] = villages;
        }

        return villages;
    }

    private string Phone()
    {
        var prefix = PhonePrefixes[_random.Next(PhonePrefixes.Length)];
        var length = _random.Next(7, 9);
        var digits = new char[length];
        for (var i = 0; i < length; i++)
        {
            digits[i] = (char)('0' + _random.Next(10));
        }

        return $"08{prefix}{new string(digits)}";
    }

    private string Weighted((string Value, int Weight)[] options)
    {
        var roll = _random.Next(options.Sum(o => o.Weight));
        foreach (var (value, weight) in options)
        {
            if (roll < weight)
            {
                return value;
            }

            roll -= weight;
        }

        throw new InvalidOperationException("Unreachable: weights cover the roll.");
    }
}
