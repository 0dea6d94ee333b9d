using System.Globalization;
using System.Text;
using Lindung.Domain.Areas;
using Lindung.Domain.Identifiers;
using Lindung.Features.Demo;

namespace Lindung.Bench.Reconcile;

/// <summary>A roster and a membership extract written to files, with the true KPJ of every roster row.</summary>
internal sealed record ReconcileSample(string RosterPath, string MembersPath, string?[] TruthKpj);

/// <summary>
/// Synthetic reconciliation data with ground truth, from a seed. Members live mostly in a few
/// regencies (as a branch's do); about three in four roster people are members. Roster rows carry
/// the damage real agency spreadsheets carry — titles, Muhammad variants, typos, swapped or dropped
/// words, NIK slips, lost NIKs, scientific notation, day/month swaps — and the hard negatives that
/// fool naive matching: twins (same birth date, district and surname; only one a member) and namesakes.
/// </summary>
internal sealed class ReconcileSamples(int seed)
{
    // Titles a roster adds or drops (the damage reconciliation must see through).
    private static readonly string[] MaleFrontTitles = ["Drs.", "H.", "Ir.", "dr."];
    private static readonly string[] FemaleFrontTitles = ["Dra.", "Hj.", "Ir.", "dr."];
    private static readonly string[] BackTitles = ["S.Pd.", "S.Kom.", "A.Md.", "S.E.", "S.H.", "S.Sos.", "S.Kep.", "M.Pd.", "S.T.", "A.Md.Kep."];

    private static readonly string[] MuhammadVariants = ["Muhammad", "Muhamad", "Mohammad", "Mochammad", "Moch.", "M.", "Mohamad", "Muh."];

    private readonly Random _random = new(seed);
    private readonly HashSet<string> _niks = [];
    private string[] _home = [];
    private string[] _anywhere = [];

    public ReconcileSample Write(string directory, int memberCount, int rosterCount, DateOnly today)
    {
        var regencies = AreaDirectory.Embedded.Children("35");
        _home = regencies.Take(3).SelectMany(r => AreaDirectory.Embedded.Children(r.Code)).Select(d => d.Code).ToArray();
        _anywhere = AreaDirectory.Embedded.Provinces.SelectMany(p => AreaDirectory.Embedded.Children(p.Code))
            .SelectMany(r => AreaDirectory.Embedded.Children(r.Code)).Select(d => d.Code).ToArray();

        var members = new List<(Person Person, string Kpj)>(memberCount);
        for (var i = 0; i < memberCount; i++)
        {
            members.Add((NewPerson(today), string.Create(CultureInfo.InvariantCulture, $"{_random.Next(10, 100)}{i:D9}")));
        }

        var membersPath = Path.Combine(directory, $"members-{seed}.csv");
        WriteMembers(membersPath, members);

        var roster = new List<(Person Person, string? Kpj)>(rosterCount);
        var chosen = new HashSet<int>();
        while (roster.Count < rosterCount)
        {
            var roll = _random.Next(100);
            if (roll < 75)
            {
                var at = _random.Next(members.Count);
                if (chosen.Add(at))
                {
                    roster.Add((members[at].Person, members[at].Kpj));
                }
            }
            else if (roll < 78)
            {
                roster.Add((Twin(members[_random.Next(members.Count)].Person), null));
            }
            else if (roll < 80)
            {
                roster.Add((Namesake(members[_random.Next(members.Count)].Person, today), null));
            }
            else
            {
                roster.Add((NewPerson(today), null));
            }
        }

        var rosterPath = Path.Combine(directory, $"roster-{seed}.csv");
        WriteRoster(rosterPath, roster);
        return new ReconcileSample(rosterPath, membersPath, roster.Select(r => r.Kpj).ToArray());
    }

    private Person NewPerson(DateOnly today, string? district = null, DateOnly? birth = null, Sex? sex = null, string? surname = null)
    {
        var female = sex is { } s ? s == Sex.P : _random.Next(2) == 1;
        var given = female ? IndonesianNames.Female : IndonesianNames.Male;
        var words = new List<string> { given[_random.Next(given.Length)] };
        var roll = _random.Next(10);
        if (surname is not null || roll < 7)
        {
            var seconds = female ? IndonesianNames.SecondFemale : IndonesianNames.SecondMale;
            words.Add(surname ?? seconds[_random.Next(seconds.Length)]);
        }
        else if (roll < 8)
        {
            words.Add(given[_random.Next(given.Length)]);
        }

        var place = district ?? (_random.Next(10) < 9 ? _home[_random.Next(_home.Length)] : _anywhere[_random.Next(_anywhere.Length)]);
        var born = birth ?? today.AddDays(-_random.Next(18 * 365, 58 * 365));
        var person = new Person(string.Join(' ', words), born, female ? Sex.P : Sex.L, place, string.Empty);
        return person with { Nik = FreshNik(person) };
    }

    /// <summary>Same birth date, district, sex and surname; a different given name; the next NIK serial.</summary>
    private Person Twin(Person member)
    {
        var words = member.Name.Split(' ');
        var given = member.Sex == Sex.P ? IndonesianNames.Female : IndonesianNames.Male;
        string first;
        do
        {
            first = given[_random.Next(given.Length)];
        }
        while (first == words[0]);

        var twin = member with { Name = string.Join(' ', [first, .. words.Skip(1)]) };
        return twin with { Nik = FreshNik(twin) };
    }

    /// <summary>The same name, another person: born the same year, mostly in the same region.</summary>
    private Person Namesake(Person member, DateOnly today)
    {
        var birth = new DateOnly(member.BirthDate.Year, 1, 1).AddDays(_random.Next(365));
        var other = NewPerson(today, birth: birth == member.BirthDate ? birth.AddDays(3) : birth, sex: member.Sex);
        other = other with { Name = member.Name };
        return other;
    }

    private string FreshNik(Person person)
    {
        for (var serial = 1; ; serial++)
        {
            var nik = Lindung.Domain.Identifiers.Nik.Compose(person.District, person.BirthDate, person.Sex, serial);
            if (_niks.Add(nik))
            {
                return nik;
            }
        }
    }

    private static void WriteMembers(string path, List<(Person Person, string Kpj)> members)
    {
        var random = new Random(members.Count);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        writer.Write("kpj,nik,nama,tanggal_lahir,jenis_kelamin,segmen,npp,status,program,upah_dilaporkan\n");
        foreach (var (p, kpj) in members)
        {
            var status = random.Next(100) < 85 ? "AKTIF" : "NONAKTIF";
            var programs = random.Next(10) switch { < 7 => "\"JKK,JKM,JHT,JP\"", < 9 => "\"JKK,JKM,JHT\"", _ => "JKK" };
            var wage = 2_000_000 + (random.Next(60) * 50_000);
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"{kpj},{p.Nik},{p.Name},{p.BirthDate:yyyy-MM-dd},{p.Sex},PU,{15070955 + random.Next(500)},{status},{programs},{wage}\n"));
        }
    }

    private void WriteRoster(string path, List<(Person Person, string? Kpj)> roster)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        writer.Write("No. KTP;Nama Lengkap;Tgl Lahir;L/P;Kode Wilayah;OPD;Status Pegawai;Gaji\n");
        foreach (var (p, _) in roster)
        {
            // Indonesian thousands separators: "Rp 2.500.000".
            var wage = (2_000_000 + (_random.Next(60) * 50_000)).ToString("N0", CultureInfo.InvariantCulture).Replace(',', '.');
            var sex = _random.Next(2) == 0 ? p.Sex.ToString() : p.Sex == Sex.P ? "Perempuan" : "Laki-laki";
            var area = _random.Next(10) < 9 ? p.District : string.Empty;
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"{DamageNik(p.Nik)};{DamageName(p.Name, p.Sex)};{DamageDate(p.BirthDate)};{sex};{area};Dinas Kesehatan;HONORER;Rp {wage}\n"));
        }
    }

    private string DamageNik(string nik)
    {
        var digits = nik.ToCharArray();
        switch (_random.Next(1000))
        {
            case < 25:
                var at = _random.Next(16);
                digits[at] = (char)('0' + ((digits[at] - '0' + 1 + _random.Next(9)) % 10));
                return new string(digits);
            case < 40:
                var swap = _random.Next(15);
                (digits[swap], digits[swap + 1]) = (digits[swap + 1], digits[swap]);
                return new string(digits);
            case < 80:
                return string.Empty;
            case < 100:
                return FormattableString.Invariant($"{nik[0]}.{nik[1..6]}E+15");
            case < 130:
                return "'" + nik;
            case < 150:
                return $"{nik[..6]} {nik[6..12]} {nik[12..]}";
            default:
                return nik;
        }
    }

    private string DamageName(string name, Sex sex)
    {
        var words = name.Split(' ').ToList();
        switch (_random.Next(100))
        {
            case < 8:
                var front = sex == Sex.P ? FemaleFrontTitles : MaleFrontTitles;
                return _random.Next(2) == 0
                    ? $"{front[_random.Next(front.Length)]} {name}"
                    : $"{name}, {BackTitles[_random.Next(BackTitles.Length)]}";
            case < 12 when words[0] is "Muhammad" or "Mochammad":
                words[0] = MuhammadVariants[_random.Next(MuhammadVariants.Length)];
                return string.Join(' ', words);
            case < 17:
                var word = _random.Next(words.Count);
                var letters = words[word].ToCharArray();
                var at = 1 + _random.Next(letters.Length - 1);
                letters[at] = (char)('a' + _random.Next(26));
                words[word] = new string(letters);
                return string.Join(' ', words);
            case < 20 when words.Count > 1:
                words.Reverse();
                return string.Join(' ', words);
            case < 23 when words.Count > 1:
                return words[0];
            case < 25:
                return name.ToUpperInvariant();
            default:
                return name;
        }
    }

    private string DamageDate(DateOnly date) => _random.Next(100) switch
    {
        < 1 when date.Day <= 12 && date.Day != date.Month => new DateOnly(date.Year, date.Day, date.Month).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        < 3 => string.Empty,
        < 60 => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        < 85 => date.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture),
        < 95 => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => (date.DayNumber - new DateOnly(1899, 12, 30).DayNumber).ToString(CultureInfo.InvariantCulture),
    };

    private sealed record Person(string Name, DateOnly BirthDate, Sex Sex, string District, string Nik);
}
