using System.Globalization;
using Lindung.Domain.Contributions;

namespace Lindung.Domain.Rosters;

/// <summary>
/// The words agencies and branches write in category, funding, segment, status and program cells,
/// read into the registry's codes. Cells are folded (<see cref="HeaderMap.Fold"/>), so "Harian Lepas",
/// "HARIAN-LEPAS" and "harian_lepas" are one word. Nothing is guessed: an unknown word is null.
/// </summary>
public static class ImportVocabulary
{
    /// <summary>The code stored for ASN, PNS and PPPK, who are Taspen's and never a non-ASN category.</summary>
    public const string Taspen = "TASPEN";

    private static readonly Dictionary<string, string> Categories = Words(
        ("HONORER", ["honorer", "tenaga honorer", "honor", "pegawai honorer", "tenaga honor"]),
        ("GTT", ["gtt", "guru tidak tetap", "guru honorer", "guru honor", "guru non asn"]),
        ("PTT", ["ptt", "pegawai tidak tetap", "pegawai tdk tetap"]),
        ("KONTRAK", ["kontrak", "tenaga kontrak", "pegawai kontrak", "pkwt", "kontrak kerja"]),
        ("HARIAN_LEPAS", ["harian lepas", "harian", "thl", "tenaga harian lepas", "pekerja harian lepas", "upahan", "buruh harian", "bhl"]),
        ("OUTSOURCING", ["outsourcing", "outsource", "alih daya", "tenaga alih daya", "pihak ketiga", "os"]),
        ("PU_SWASTA", ["pu swasta", "swasta", "karyawan swasta", "pegawai swasta"]),
        ("BPU", ["bpu", "bukan penerima upah", "mandiri", "informal", "pekerja rentan"]),
        ("JAKON", ["jakon", "jasa konstruksi", "pekerja konstruksi", "pekerja proyek"]),
        ("PMI", ["pmi", "pekerja migran", "pekerja migran indonesia", "tki", "tenaga kerja indonesia"]),
        ("PENYELENGGARA_PEMILU", ["penyelenggara pemilu", "badan adhoc", "adhoc pemilu", "kpps", "pps", "ppk", "pantarlih"]),
        (Taspen, ["asn", "pns", "pppk", "p3k", "cpns"]));

    private static readonly Dictionary<string, string> Funding = Words(
        ("APBD", ["apbd", "apbd i", "apbd ii"]),
        ("APBN", ["apbn"]),
        ("BLUD", ["blud"]),
        ("DANA_DESA", ["dana desa", "dd", "add", "alokasi dana desa"]),
        ("PRIVATE", ["swasta", "private", "mandiri"]),
        ("OTHER", ["lainnya", "lain lain", "other"]));

    private static readonly Dictionary<string, Segment> Segments = new(StringComparer.Ordinal)
    {
        ["pu"] = Segment.Pu,
        ["penerimaupah"] = Segment.Pu,
        ["bpu"] = Segment.Bpu,
        ["bukanpenerimaupah"] = Segment.Bpu,
        ["jakon"] = Segment.Jakon,
        ["jasakonstruksi"] = Segment.Jakon,
        ["pekerjaproyek"] = Segment.Jakon,
        ["pekerjakonstruksi"] = Segment.Jakon,
        ["pmi"] = Segment.Pmi,
        ["pekerjamigran"] = Segment.Pmi,
        ["pekerjamigranindonesia"] = Segment.Pmi,
        ["tki"] = Segment.Pmi,
        ["tenagakerjaindonesia"] = Segment.Pmi,
    };

    private static readonly HashSet<string> Active = ["aktif", "active", "a", "y", "ya", "1"];

    private static readonly HashSet<string> Inactive =
        ["nonaktif", "tidakaktif", "inactive", "na", "n", "0", "keluar", "berhenti", "nonaktifsementara", "meninggal"];

    private static readonly char[] ProgramSeparators = [',', ';', '+', '/', ' ', '|', '&'];

    /// <summary>The category code (HONORER, GTT, …, or <see cref="Taspen"/>), or null for an unknown word.</summary>
    public static string? Category(string? text) => Categories.GetValueOrDefault(HeaderMap.Fold(text ?? string.Empty));

    /// <summary>The funding code (APBD, APBN, BLUD, DANA_DESA, PRIVATE, OTHER), or null for an unknown word.</summary>
    public static string? FundingSource(string? text) => Funding.GetValueOrDefault(HeaderMap.Fold(text ?? string.Empty));

    /// <summary>The category code of migrant workers, who pay fixed packages and may have no wage.</summary>
    public const string MigrantCategory = "PMI";

    public static Segment? SegmentOf(string? text) =>
        Segments.TryGetValue(HeaderMap.Fold(text ?? string.Empty), out var segment) ? segment : null;

    /// <summary>True for active, false for inactive, null for a word that is neither.</summary>
    public static bool? IsActive(string? text)
    {
        var folded = HeaderMap.Fold(text ?? string.Empty);
        return Active.Contains(folded) ? true : Inactive.Contains(folded) ? false : null;
    }

    /// <summary>The programs listed, or null when any listed word is not a program.</summary>
    public static ProgramSet? Programs(string? text)
    {
        var set = ProgramSet.None;
        foreach (var token in (text ?? string.Empty).Split(ProgramSeparators, StringSplitOptions.RemoveEmptyEntries))
        {
            var single = FieldParser.Programs(token);
            if (single == ProgramSet.None)
            {
                return null;
            }

            set |= single;
        }

        return set;
    }

    /// <summary>A month as its first day: "2026-01", "01/2026", "1-2026" or any date <see cref="FieldParser.Date"/> reads.</summary>
    public static DateOnly? Month(string? text)
    {
        var value = (text ?? string.Empty).Trim();
        string[] formats = ["yyyy-MM", "yyyy-M", "MM/yyyy", "M/yyyy", "MM-yyyy", "M-yyyy", "yyyyMM"];
        if (DateOnly.TryParseExact(value, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            return month;
        }

        return FieldParser.Date(value) is { } day ? new DateOnly(day.Year, day.Month, 1) : null;
    }

    private static Dictionary<string, string> Words(params (string Code, string[] Words)[] entries)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (code, words) in entries)
        {
            map[HeaderMap.Fold(code)] = code;
            foreach (var word in words)
            {
                map[HeaderMap.Fold(word)] = code;
            }
        }

        return map;
    }
}
