namespace Lindung.Features.Demo;

/// <summary>
/// Realistic Indonesian personal names for synthetic data: Javanese, Islamic, Christian and
/// modern given names, optional second names, and the academic or religious titles that rosters
/// often carry (which reconciliation must learn to ignore).
/// </summary>
internal static class IndonesianNames
{
    public static readonly string[] Male =
    [
        "Agus", "Budi", "Joko", "Slamet", "Bambang", "Eko", "Hadi", "Sugeng", "Wahyu", "Teguh",
        "Dwi", "Tri", "Arif", "Rudi", "Hendra", "Yudi", "Imam", "Ahmad", "Muhammad", "Mochammad",
        "Abdul", "Rizki", "Fajar", "Dimas", "Bayu", "Andi", "Sutrisno", "Suharto", "Sukarno", "Heru",
        "Purnomo", "Wibowo", "Setyo", "Priyo", "Gunawan", "Yusuf", "Ilham", "Fauzi", "Ridwan", "Hasan",
        "Yohanes", "Paulus", "Antonius", "Stefanus", "Kurniawan", "Nugroho", "Aditya", "Rangga", "Galih", "Satria",
    ];

    public static readonly string[] Female =
    [
        "Sri", "Siti", "Dewi", "Endang", "Tuti", "Wahyuni", "Lestari", "Rahayu", "Sulistyowati", "Ratna",
        "Yuliana", "Indah", "Nur", "Nurul", "Fitri", "Rina", "Ani", "Yanti", "Eni", "Sumarni",
        "Suparmi", "Wulandari", "Puspita", "Ayu", "Dian", "Novi", "Retno", "Kartika", "Anisa", "Fatimah",
        "Aisyah", "Khadijah", "Maria", "Theresia", "Agustina", "Veronika", "Putri", "Citra", "Intan", "Mega",
        "Susanti", "Handayani", "Purwanti", "Setyaningsih", "Kusumawati", "Rohmah", "Laila", "Zahra", "Salsabila", "Anggraini",
    ];

    public static readonly string[] Second =
    [
        "Santoso", "Setiawan", "Prasetyo", "Hidayat", "Saputra", "Susanto", "Wijaya", "Purnama", "Utomo", "Firmansyah",
        "Hartono", "Kusuma", "Rahman", "Hakim", "Syahputra", "Nugraha", "Pratama", "Permana", "Ramadhan", "Maulana",
        "Wati", "Sari", "Ningsih", "Astuti", "Rahmawati", "Hidayati", "Safitri", "Anjani", "Lestari", "Utami",
    ];

    public static readonly string[] MaleFrontTitles = ["Drs.", "H.", "Ir.", "dr."];

    public static readonly string[] FemaleFrontTitles = ["Dra.", "Hj.", "Ir.", "dr."];

    public static readonly string[] BackTitles = ["S.Pd.", "S.Kom.", "A.Md.", "S.E.", "S.H.", "S.Sos.", "S.Kep.", "M.Pd.", "S.T.", "A.Md.Kep."];

    /// <summary>A full name; about one in six carries a title, as real agency rosters do.</summary>
    public static string Next(Random random, bool female)
    {
        var given = female ? Female : Male;
        var name = given[random.Next(given.Length)];
        var roll = random.Next(10);
        if (roll < 6)
        {
            name += " " + Second[random.Next(female ? 20 : 0, female ? Second.Length : 20)];
        }
        else if (roll < 8)
        {
            name += " " + given[random.Next(given.Length)];
        }

        var front = female ? FemaleFrontTitles : MaleFrontTitles;
        return random.Next(12) switch
        {
            0 => $"{front[random.Next(front.Length)]} {name}",
            1 or 2 => $"{name}, {BackTitles[random.Next(BackTitles.Length)]}",
            _ => name,
        };
    }
}
