using Lindung.Domain.Contributions;

namespace Lindung.Features.Demo;

/// <summary>
/// A business sector of the demo region's employers: its KBLI label, the JKK risk groups BPJS
/// typically assigns to it, the legal forms and name parts its firms use, and its share of firms.
/// </summary>
internal sealed record DemoSector(
    string Label,
    int[] RiskGroups,
    string[] Forms,
    string[] Cores,
    string[] Suffixes,
    int Weight,
    bool Outsourcing = false);

internal static class DemoEmployers
{
    private static readonly string[] Words =
    [
        "Maju", "Jaya", "Makmur", "Sejahtera", "Mandiri", "Abadi", "Sentosa", "Lestari", "Mulia", "Sumber Rejeki",
        "Karya", "Utama", "Bersama", "Barokah", "Berkah", "Agung", "Perkasa", "Gemilang", "Sakti", "Sinar",
        "Tunggal", "Putra", "Cahaya", "Mitra", "Indah", "Rahayu", "Harapan", "Anugerah", "Kencana", "Wijaya",
    ];

    private static readonly string[] Local =
    [
        "Madiun", "Pecel", "Kartoharjo", "Manguharjo", "Taman", "Caruban", "Wilis", "Bengawan", "Lawu", "Brantas",
        "Gading", "Rejo", "Sogaten", "Kampung Pesilat", "Suling Mas",
    ];

    public static readonly IReadOnlyList<DemoSector> Sectors =
    [
        new("KBLI 41011 Konstruksi gedung", [4, 5], ["PT", "CV"], ["Karya", "Bangun", "Graha", "Cipta", "Adhi"], ["Konstruksi", "Bangun Persada", "Karya Mandiri", "Teknik"], 40),
        new("KBLI 42101 Konstruksi jalan dan jembatan", [4, 5], ["PT", "CV"], ["Marga", "Jalan", "Bina", "Rekayasa"], ["Konstruksi", "Marga Utama", "Infrastruktur"], 15),
        new("KBLI 47111 Perdagangan eceran (toko, minimarket)", [1, 2], ["UD", "CV", "Toko", "PT"], ["Sumber", "Toko", "Pasar", "Grosir"], ["Swalayan", "Grosir", "Mart", "Jaya"], 45),
        new("KBLI 10792 Industri makanan (brem, pecel, kerupuk)", [2, 3], ["UD", "CV", "PT"], ["Brem", "Sambel Pecel", "Kerupuk", "Madumongso", "Tempe"], ["Suling Mas", "Bu Sri", "Asli Madiun", "Rasa", "Jaya"], 35),
        new("KBLI 56101 Restoran dan rumah makan", [1, 2], ["CV", "UD", "RM"], ["Warung", "Rumah Makan", "Pecel", "Soto"], ["Pojok", "Kawi", "Sri Tanjung", "Ndeso", "Bu Tin"], 25),
        new("KBLI 49431 Angkutan darat dan logistik", [3, 4], ["PT", "CV", "PO"], ["Trans", "Ekspedisi", "Armada", "Logistik"], ["Trans Madiun", "Cargo", "Express", "Lintas Jawa"], 25),
        new("KBLI 86105 Klinik dan apotek", [1, 2], ["Klinik Pratama", "Apotek", "PT"], ["Husada", "Medika", "Sehat", "Farma"], ["Mulia", "Sentosa", "Bakti", "Sejahtera"], 20),
        new("KBLI 81210 Jasa kebersihan gedung", [2], ["PT", "CV"], ["Citra", "Sarana", "Prima", "Bersih"], ["Bersih Sarana", "Cleaning Service", "Kebersihan Nusantara"], 10, Outsourcing: true),
        new("KBLI 80100 Jasa pengamanan (satpam)", [2, 3], ["PT"], ["Garda", "Satria", "Bhayangkara", "Perisai"], ["Security", "Satria Mandiri", "Pengamanan Indonesia"], 6, Outsourcing: true),
        new("KBLI 78200 Penyedia tenaga kerja", [2], ["PT"], ["Mitra", "Sumber Daya", "Karya"], ["Tenaga Utama", "Outsourcing", "Daya Manunggal"], 4, Outsourcing: true),
        new("KBLI 64141 Koperasi simpan pinjam", [1], ["Koperasi", "KSP", "KUD"], ["Artha", "Sejahtera", "Makmur", "Guyub"], ["Rukun", "Bersama", "Mandiri", "Tani Makmur"], 20),
        new("KBLI 18111 Percetakan", [2], ["CV", "UD"], ["Percetakan", "Grafika", "Offset"], ["Madiun", "Jaya", "Mulia"], 10),
        new("KBLI 55110 Hotel", [1, 2], ["PT", "CV"], ["Hotel", "Griya", "Wisma"], ["Merdeka", "Kawi", "Asri", "Sri Tanjung"], 10),
        new("KBLI 33151 Reparasi kereta dan bengkel", [3, 4], ["CV", "UD", "PT"], ["Bengkel", "Teknik", "Mesin"], ["Rel Jaya", "Motor", "Mandiri"], 15),
        new("KBLI 85130 Pendidikan swasta (yayasan)", [1], ["Yayasan"], ["Pendidikan", "Al-Hikmah", "Taman Siswa", "Bina Insani"], ["Madiun", "Nusantara", "Mulia"], 10),
    ];

    /// <summary>
    /// A plausible company name: legal form, then a core and a suffix or two flattering words. Large
    /// firms are limited companies (PT) wherever the sector has them.
    /// </summary>
    public static string NextName(Random random, DemoSector sector, BusinessSize size)
    {
        var form = size == BusinessSize.Large && sector.Forms.Contains("PT") ? "PT" : sector.Forms[random.Next(sector.Forms.Length)];
        var core = random.Next(3) == 0 ? Local[random.Next(Local.Length)] : sector.Cores[random.Next(sector.Cores.Length)];
        var tail = random.Next(2) == 0
            ? sector.Suffixes[random.Next(sector.Suffixes.Length)]
            : $"{Words[random.Next(Words.Length)]} {Words[random.Next(Words.Length)]}";
        return $"{form} {core} {tail}";
    }

    /// <summary>About 40% of firms are medium or large (DOMAIN part A, point 3).</summary>
    public static BusinessSize NextSize(Random random) => random.Next(100) switch
    {
        < 32 => BusinessSize.Micro,
        < 60 => BusinessSize.Small,
        < 88 => BusinessSize.Medium,
        _ => BusinessSize.Large,
    };
}
