namespace Lindung.Features.Demo;

/// <summary>
/// Realistic Indonesian personal names for synthetic data. Names follow the holder's generation
/// (a 55-year-old honorer is a Sumini or a Suparno, a 22-year-old a Salsabila or a Rizky), never
/// repeat a given name ("Sri Sri"), and carry only the titles a person of that age and job can
/// hold: academic degrees come from the caller (a GTT teacher is S.Pd., a nurse A.Md.Kep.), the
/// hajj titles H./Hj. and the old Drs./Ir. degrees only on older people. Rosters carry these titles,
/// and reconciliation must learn to ignore them.
/// </summary>
internal static class IndonesianNames
{
    /// <summary>Born before 1975: single-word Javanese names dominate.</summary>
    public static readonly string[] OlderMale =
    [
        "Suparno", "Sumarno", "Suwarno", "Sukadi", "Paimin", "Sarno", "Tukiman", "Wagiman", "Mulyono", "Supardi",
        "Sutrisno", "Slamet", "Sugiyono", "Suharno", "Sukardi", "Bambang", "Joko", "Purnomo", "Sugeng", "Heru",
        "Kasiyan", "Jumadi", "Sunarto", "Marsono", "Agus", "Budi", "Hadi", "Imam", "Abdul", "Teguh",
    ];

    public static readonly string[] OlderFemale =
    [
        "Sumini", "Sukinah", "Painem", "Tumini", "Sriyati", "Suyatmi", "Parni", "Sulastri", "Supriyatin", "Kasmi",
        "Sri", "Siti", "Endang", "Tuti", "Sumarni", "Suparmi", "Sulistyowati", "Setyaningsih", "Kusumawati", "Purwanti",
        "Wahyuni", "Rahayu", "Lestari", "Ratna", "Yuliana", "Handayani", "Susanti", "Theresia", "Agustina", "Fatimah",
    ];

    public static readonly string[] Male =
    [
        "Agus", "Budi", "Joko", "Eko", "Hadi", "Wahyu", "Teguh", "Dwi", "Tri", "Arif",
        "Rudi", "Hendra", "Yudi", "Imam", "Ahmad", "Muhammad", "Mochammad", "Abdul", "Andi", "Heru",
        "Wibowo", "Setyo", "Priyo", "Gunawan", "Yusuf", "Ilham", "Fauzi", "Ridwan", "Hasan", "Yohanes",
        "Paulus", "Antonius", "Stefanus", "Kurniawan", "Nugroho", "Didik", "Anang", "Lukman", "Sigit", "Wawan",
    ];

    public static readonly string[] Female =
    [
        "Sri", "Siti", "Dewi", "Endang", "Wahyuni", "Lestari", "Rahayu", "Ratna", "Yuliana", "Indah",
        "Nur", "Nurul", "Fitri", "Rina", "Ani", "Yanti", "Eni", "Wulandari", "Puspita", "Ayu",
        "Dian", "Novi", "Retno", "Kartika", "Anisa", "Fatimah", "Aisyah", "Maria", "Veronika", "Erna",
        "Susanti", "Handayani", "Rohmah", "Laila", "Anggraini", "Eka", "Mega", "Citra", "Intan", "Heni",
    ];

    /// <summary>Born 1995 or later.</summary>
    public static readonly string[] YoungerMale =
    [
        "Rizky", "Fajar", "Dimas", "Bayu", "Aditya", "Rangga", "Galih", "Satria", "Farhan", "Rafi",
        "Alif", "Naufal", "Reza", "Yoga", "Bagas", "Ilham", "Muhammad", "Ahmad", "Dwi", "Andika",
    ];

    public static readonly string[] YoungerFemale =
    [
        "Salsabila", "Zahra", "Anisa", "Nabila", "Aulia", "Dinda", "Putri", "Alya", "Nadia", "Tiara",
        "Elsa", "Vina", "Dwi", "Ayu", "Intan", "Citra", "Novita", "Della", "Fitria", "Siti",
    ];

    public static readonly string[] SecondMale =
    [
        "Santoso", "Setiawan", "Prasetyo", "Hidayat", "Saputra", "Susanto", "Wijaya", "Purnama", "Utomo", "Firmansyah",
        "Hartono", "Kusuma", "Rahman", "Hakim", "Syahputra", "Nugraha", "Pratama", "Permana", "Ramadhan", "Maulana",
    ];

    public static readonly string[] SecondFemale =
    [
        "Wati", "Sari", "Ningsih", "Astuti", "Rahmawati", "Hidayati", "Safitri", "Anjani", "Lestari", "Utami",
        "Rahayu", "Pertiwi", "Kurniasih", "Mulyani", "Susilowati", "Maharani", "Puspitasari", "Oktaviani", "Novitasari", "Damayanti",
    ];

    /// <summary>Degrees a general office or field worker may hold; most hold none.</summary>
    public static readonly string[] OfficeDegrees = ["S.E.", "S.Kom.", "S.H.", "S.Sos.", "A.Md.", "S.AP.", "S.T.", "A.Md.Kom."];

    /// <summary>
    /// A full name for someone born in <paramref name="birthYear"/>, with <paramref name="degree"/> (a
    /// degree the job implies, or null) after the name, or before it for <c>dr.</c> and <c>drg.</c>.
    /// </summary>
    public static string Next(Random random, bool female, int birthYear, string? degree = null)
    {
        var given = birthYear switch
        {
            < 1975 => female ? OlderFemale : OlderMale,
            >= 1995 => female ? YoungerFemale : YoungerMale,
            _ => female ? Female : Male,
        };
        var first = given[random.Next(given.Length)];
        var name = first;
        // Older Javanese names are mostly a single word; younger ones mostly two.
        var twoWords = birthYear < 1975 ? 35 : birthYear >= 1995 ? 85 : 65;
        var roll = random.Next(100);
        if (roll < twoWords)
        {
            var second = female ? SecondFemale : SecondMale;
            name += " " + Pick(random, second, first);
        }
        else if (roll < twoWords + 10)
        {
            name += " " + Pick(random, given, first);
        }

        if (birthYear < 1985 && random.Next(8) == 0)
        {
            name = (female ? "Hj. " : "H. ") + name;
        }

        if (degree is "dr." or "drg.")
        {
            return $"{degree} {name}";
        }

        if (degree is not null)
        {
            return $"{name}, {degree}";
        }

        if (birthYear < 1968 && random.Next(10) == 0)
        {
            return (female ? "Dra. " : random.Next(2) == 0 ? "Drs. " : "Ir. ") + name;
        }

        return name;
    }

    private static string Pick(Random random, string[] names, string not)
    {
        while (true)
        {
            var name = names[random.Next(names.Length)];
            if (name != not)
            {
                return name;
            }
        }
    }
}
