using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Lindung.Domain.Identifiers;

namespace Lindung.Fuzz;

/// <summary>One generated upload: its file name (the extension a user would give it), bytes and how it was made.</summary>
internal sealed record FuzzFile(int Index, string Mutation, string FileName, byte[] Content);

/// <summary>
/// Malformed rosters, reproducible from a seed: file <c>i</c> of seed <c>s</c> is always the same
/// bytes. Each starts from a small valid roster (CSV or XLSX) and breaks it one way: truncation,
/// bit flips, missing or duplicated zip parts, DTD/XXE/billion laughs, invalid character
/// references, a huge shared string or cell, a cell in column ZZZ down to row two million, a zip
/// bomb, an OLE header, a zip inside a CSV, cp437 text, a NIK of the wrong length. The large
/// variants are built once per process (they are the same bytes every time) and stay under 10 MB
/// on disk.
/// </summary>
internal static class MalformedFiles
{
    public const string AgencyCode = "FUZZ";
    public const string Region = "35.77";
    public const string Header = "nik,nama,tanggal_lahir,jenis_kelamin,kode_wilayah,instansi,kategori,upah";

    /// <summary>Characters in the huge shared string and the huge cell (the limits stop them long before).</summary>
    public const int HugeChars = 64_000_000;

    /// <summary>Uncompressed bytes of the zip bomb's sheet: over the 1 GiB part limit.</summary>
    public const long BombBytes = (1L << 30) + (1L << 20);

    private static readonly ConcurrentDictionary<string, byte[]> Large = new(StringComparer.Ordinal);

    public static readonly string[] Mutations =
    [
        "csv-valid", "csv-truncated", "csv-bitflip", "csv-cp437", "csv-zip-inside", "csv-ole", "csv-nik-length",
        "csv-huge-cell", "csv-many-columns", "csv-many-rows", "csv-random-bytes",
        "xlsx-valid", "xlsx-truncated", "xlsx-bitflip", "xlsx-missing-part", "xlsx-duplicated-part", "xlsx-dtd", "xlsx-xxe",
        "xlsx-billion-laughs", "xlsx-invalid-char-ref", "xlsx-huge-shared-string", "xlsx-huge-cell", "xlsx-zzz-row-2m",
        "xlsx-zip-bomb", "xlsx-ole", "xlsx-bad-shared-index",
    ];

    /// <summary>Files 0 to <paramref name="count"/> - 1 of the seed; the too-many-rows file has <paramref name="maxRows"/> + 1 rows.</summary>
    public static IEnumerable<FuzzFile> Generate(int seed, int count, int maxRows = 2_000_000)
    {
        for (var i = 0; i < count; i++)
        {
            yield return Make(seed, i, maxRows);
        }
    }

    public static FuzzFile Make(int seed, int index, int maxRows = 2_000_000)
    {
        var random = new Random(SeedOf(seed, index));
        var mutation = Mutations[random.Next(Mutations.Length)];
        var rows = Roster(random, random.Next(1, 12));
        var csv = Encoding.UTF8.GetBytes(string.Join('\n', rows.Select(r => string.Join(',', r))) + "\n");
        var parts = TinyXlsx.Parts(rows);
        byte[] content = mutation switch
        {
            "csv-valid" => csv,
            "csv-truncated" => csv[..random.Next(0, csv.Length)],
            "csv-bitflip" => Flip(csv, random),
            "csv-cp437" => Cp437(rows),
            "csv-zip-inside" => [.. csv[..Math.Min(csv.Length, 80)], .. TinyXlsx.Build(parts)],
            "csv-ole" or "xlsx-ole" => Ole(random),
            "csv-nik-length" => Encoding.UTF8.GetBytes(string.Join('\n', rows.Select((r, i) =>
                string.Join(',', i > 0 ? [random.Next(2) == 0 ? r[0][..15] : r[0] + "7", .. r[1..]] : r))) + "\n"),
            "csv-huge-cell" => Cached("csv-huge-cell", () => Encoding.UTF8.GetBytes(Header + "\n1," + new string('A', 8_000_000) + "\n")),
            "csv-many-columns" => Cached("csv-many-columns", () => Encoding.UTF8.GetBytes(Header + "\n" + new string(',', 20_000) + "\n")),
            "csv-many-rows" => Cached(string.Create(CultureInfo.InvariantCulture, $"csv-many-rows-{maxRows}"), () => Encoding.UTF8.GetBytes(Header + "\n" + new string('\n', maxRows))),
            "csv-random-bytes" => Random(random),
            "xlsx-valid" => TinyXlsx.Build(parts),
            "xlsx-truncated" => TinyXlsx.Build(parts) is var x ? x[..random.Next(0, x.Length)] : [],
            "xlsx-bitflip" => Flip(TinyXlsx.Build(parts), random),
            "xlsx-missing-part" => random.Next(parts.Count) is var missing ? TinyXlsx.Build(parts.Where((_, i) => i != missing)) : [],
            "xlsx-duplicated-part" => TinyXlsx.Build([.. parts, parts[random.Next(parts.Count)]]),
            "xlsx-dtd" => TinyXlsx.Build(Replace(parts, TinyXlsx.Sheet, TinyXlsx.SheetXml(rows, "<!DOCTYPE worksheet [<!ELEMENT worksheet ANY>]>"))),
            "xlsx-xxe" => TinyXlsx.Build(Replace(parts, TinyXlsx.SharedStrings, TinyXlsx.SharedStringsXml(["&xxe;"], "<!DOCTYPE sst [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"))),
            "xlsx-billion-laughs" => TinyXlsx.Build(Replace(parts, random.Next(2) == 0 ? TinyXlsx.Workbook : TinyXlsx.Sheet, Laughs(random.Next(2) == 0))),
            "xlsx-invalid-char-ref" => TinyXlsx.Build(Replace(parts, TinyXlsx.Sheet, TinyXlsx.SheetXml(rows).Replace("</t>", random.Next(2) == 0 ? "&#0;</t>" : "&#xD800;</t>", StringComparison.Ordinal))),
            "xlsx-huge-shared-string" => Cached(mutation, () => TinyXlsx.Build(Replace(
                Replace(parts, TinyXlsx.Sheet, TinyXlsx.SheetXmlRaw("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>")),
                TinyXlsx.SharedStrings,
                TinyXlsx.Repeat("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>", "A", HugeChars, "</t></si></sst>")))),
            "xlsx-huge-cell" => Cached(mutation, () => TinyXlsx.Build(Replace(parts, TinyXlsx.Sheet, TinyXlsx.Repeat(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>",
                "A", HugeChars, "</t></is></c></row></sheetData></worksheet>")))),
            "xlsx-zzz-row-2m" => Cached(mutation, () => TinyXlsx.Build(Replace(parts, TinyXlsx.Sheet, (Action<Stream>)(stream =>
            {
                var head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                    + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>nik</t></is></c></row>";
                stream.Write(Encoding.UTF8.GetBytes(head));
                using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
                for (var r = 2; r <= 2_000_000; r++)
                {
                    writer.Write(string.Create(CultureInfo.InvariantCulture, $"<row r=\"{r}\"><c r=\"ZZZ{r}\"><v>1</v></c></row>"));
                }

                writer.Write("</sheetData></worksheet>");
            })))),
            "xlsx-zip-bomb" => Cached(mutation, () => TinyXlsx.Build(Replace(parts, TinyXlsx.Sheet, TinyXlsx.Repeat(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>",
                " ", BombBytes, "</sheetData></worksheet>")))),
            "xlsx-bad-shared-index" => TinyXlsx.Build(Replace(parts, TinyXlsx.Sheet, TinyXlsx.SheetXmlRaw(
                "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>99999999999</v></c><c r=\"B1\" t=\"s\"><v>-1</v></c><c r=\"XFD1\" s=\"999\"><v>1e400</v></c></row>"))),
            _ => throw new InvalidOperationException(mutation),
        };

        var extension = mutation.StartsWith("csv", StringComparison.Ordinal) ? ".csv" : ".xlsx";
        return new FuzzFile(index, mutation, string.Create(CultureInfo.InvariantCulture, $"fuzz-{seed}-{index}-{mutation}{extension}"), content);
    }

    /// <summary>
    /// The generator seed of one file: the same in every process (<see cref="HashCode.Combine{T1, T2}"/>
    /// is randomised per process, so a file could not be made again from its seed and index).
    /// </summary>
    public static int SeedOf(int seed, int index) => unchecked((seed * 1_000_003) + index);

    /// <summary>How file <paramref name="index"/> of <paramref name="seed"/> is broken, without making it.</summary>
    public static string MutationOf(int seed, int index) => Mutations[new Random(SeedOf(seed, index)).Next(Mutations.Length)];

    /// <summary>A valid roster: header and <paramref name="count"/> workers of the fuzz agency.</summary>
    private static List<string[]> Roster(Random random, int count)
    {
        var rows = new List<string[]> { Header.Split(',') };
        string[] names = ["Siti Rahayu", "Budi Santoso", "Agus Prasetyo", "Sri Wahyuni", "Dewi Lestari", "Ma'ruf Amin", "Nur Hidayah"];
        for (var i = 0; i < count; i++)
        {
            var birth = new DateOnly(1970, 1, 1).AddDays(random.Next(30 * 365));
            var sex = random.Next(2) == 0 ? Sex.L : Sex.P;
            var district = "35.77.0" + random.Next(1, 4).ToString(CultureInfo.InvariantCulture);
            var nik = Nik.Compose(district, birth, sex, random.Next(1, 9999));
            rows.Add([nik, names[random.Next(names.Length)], birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), sex.ToString(),
                district, AgencyCode, "HONORER", (2_000_000 + (random.Next(40) * 50_000)).ToString(CultureInfo.InvariantCulture)]);
        }

        return rows;
    }

    private static byte[] Flip(byte[] bytes, Random random)
    {
        var copy = (byte[])bytes.Clone();
        var flips = random.Next(1, 9);
        for (var i = 0; i < flips && copy.Length > 0; i++)
        {
            copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
        }

        return copy;
    }

    private static byte[] Random(Random random)
    {
        var bytes = new byte[random.Next(1, 4096)];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>An OLE compound-file header (Excel 97-2003, Word) and noise.</summary>
    private static byte[] Ole(Random random) => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. Random(random)];

    /// <summary>The roster with accented names saved in code page 437, as an old DOS export would.</summary>
    private static byte[] Cp437(List<string[]> rows)
    {
        var cp437 = CodePagesEncodingProvider.Instance.GetEncoding(437)!;
        var text = string.Join('\n', rows.Select((r, i) => string.Join(',', i > 0 ? [r[0], "Désirée Ñúñez", .. r[2..]] : r))) + "\n";
        return cp437.GetBytes(text);
    }

    private static string Laughs(bool workbook)
    {
        var entities = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (var i = 1; i <= 9; i++)
        {
            entities.Append(CultureInfo.InvariantCulture, $"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat(i == 1 ? "&lol;" : $"&lol{i - 1};", 10))}\">");
        }

        entities.Append("]>");
        return workbook ? TinyXlsx.WorkbookXml(entities.ToString()) : TinyXlsx.SheetXmlRaw("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&lol9;</t></is></c></row>", entities.ToString());
    }

    private static List<(string Name, object Content)> Replace(List<(string Name, object Content)> parts, string name, object content) =>
        [.. parts.Select(p => p.Name == name ? (p.Name, content) : p)];

    private static byte[] Cached(string key, Func<byte[]> build) => Large.GetOrAdd(key, _ => build());
}
