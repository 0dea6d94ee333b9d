using System.Globalization;
using System.Text;
using Lindung.Domain.Identifiers;
using Lindung.Domain.Reconciliation;
using Lindung.Features.Imports;
using Lindung.Features.Reconciliation;
using Lindung.Features.Reconciliation.Exact;
using Lindung.Tests.Infrastructure;

namespace Lindung.Tests.Features.Reconciliation;

/// <summary>
/// The byte-level exact pass must write the very file the general path writes: both run over the
/// same generated roster and extract, full of what real files hold (damaged and invalid NIKs,
/// duplicates, titles and other names, quoted cells with delimiters and line breaks, blank lines,
/// odd wages and statuses, names and KPJs that look like spreadsheet formulas), in every dialect
/// the reader accepts.
/// </summary>
public class ExactPassTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);
    private static readonly ReconcileSettings Settings = ReconcileSettings.Default with { NikOnly = true };

    [Theory]
    [InlineData(',', false, "\n", 1, 1 << 20)]
    [InlineData(';', true, "\r\n", 2, 1 << 20)]
    [InlineData('\t', false, "\r", 3, 1 << 20)]
    [InlineData(',', true, "\r\n", 4, 1 << 20)]
    [InlineData(',', false, "\n", 7, 1)]
    [InlineData(';', true, "\r\n", 8, 1)]
    [InlineData('\t', false, "\r", 9, 1)]
    [InlineData(',', false, "\r\n", 10, -1)]
    public void Writes_the_same_bytes_as_the_general_path(char delimiter, bool bom, string newline, int seed, long splitAtLeast)
    {
        using var dir = new TempDirectory();
        // -1: read in halves, where the middle of each file falls inside a quoted cell of many lines.
        var straddle = splitAtLeast < 0;
        splitAtLeast = Math.Max(splitAtLeast, 1);
        var (roster, members) = ReconcileFixture.Write(dir.Path, delimiter, bom, newline, seed, Encoding.UTF8, straddle);
        var expected = Path.Combine(dir.Path, "general.csv");
        var actual = Path.Combine(dir.Path, "bytes.csv");

        var general = ReconcileFiles.ReconcileToFile(roster, members, expected, Settings, Today, bytePass: false);
        var fast = ExactPass.TryReconcileToFile(roster, members, actual, Settings, Today, splitAtLeast);

        Assert.NotNull(fast);
        var text = File.ReadAllText(expected);
        foreach (var code in new[] { "COVERED_ACTIVE", "COVERED_INACTIVE", "NOT_REGISTERED", "NEEDS_REVIEW", "INVALID_ROW", "WAGE_UNDERREPORTED", "PROGRAM_MISSING", "\"", ",\"'=HYPERLINK(", ",'-", ",'+", ",'@" })
        {
            Assert.Contains(code, text, StringComparison.Ordinal);
        }

        Assert.Equal(File.ReadAllBytes(expected), File.ReadAllBytes(actual));
        Assert.Equal(general.Rows, fast.Rows);
        foreach (var outcome in Enum.GetValues<ReconcileOutcome>())
        {
            Assert.Equal(general.Count(outcome), fast.Count(outcome));
        }

        Assert.Equal(general.WithGaps, fast.WithGaps);
    }

    [Fact]
    public void A_windows_1252_file_is_left_to_the_general_path_and_the_command_writes_the_same_file()
    {
        using var dir = new TempDirectory();
        var (roster, members) = ReconcileFixture.Write(dir.Path, ',', false, "\n", 5, CodePagesEncodingProvider.Instance.GetEncoding(1252)!);
        var expected = Path.Combine(dir.Path, "general.csv");
        var actual = Path.Combine(dir.Path, "shipped.csv");

        Assert.Null(ExactPass.TryReconcileToFile(roster, members, actual, Settings, Today));
        ReconcileFiles.ReconcileToFile(roster, members, expected, Settings, Today, bytePass: false);
        ReconcileFiles.ReconcileToFile(roster, members, actual, Settings, Today);

        Assert.Contains("Ma\u2019ruf", File.ReadAllText(expected), StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(expected), File.ReadAllBytes(actual));
    }

    [Theory]
    [InlineData(64)]
    [InlineData(1 << 22)]
    public void Reads_the_records_the_general_reader_reads_whatever_the_buffer(int bufferSize)
    {
        using var dir = new TempDirectory();
        var (roster, _) = ReconcileFixture.Write(dir.Path, ';', true, "\r\n", 6, Encoding.UTF8);

        using var general = CsvReader.Open(roster);
        using var bytes = CsvBytes.TryOpen(roster, bufferSize)!;
        Assert.Equal(general.Header, bytes.Header);
        Assert.Equal((byte)general.Delimiter, bytes.Delimiter);
        using var handle = File.OpenHandle(roster);
        var records = 0;
        while (general.ReadRecord(out var fields))
        {
            Assert.True(bytes.Next());
            Assert.Equal(general.Row, bytes.Row);
            Assert.Equal(fields, bytes.Fields());
            Assert.Equal(fields, CsvBytes.FieldsAt(handle, bytes.RecordOffset, bytes.Delimiter));
            records++;
        }

        Assert.False(bytes.Next());
        Assert.False(bytes.Invalid);
        Assert.True(records > 1000);
    }

    [Theory]
    [InlineData(64, 7)]
    [InlineData(1 << 22, 64)]
    public void Reads_the_same_records_in_batches_as_one_by_one(int bufferSize, int batch)
    {
        using var dir = new TempDirectory();
        var (roster, _) = ReconcileFixture.Write(dir.Path, ',', false, "\n", 11, Encoding.UTF8);

        using var single = CsvBytes.TryOpen(roster, bufferSize)!;
        using var batched = CsvBytes.TryOpen(roster, bufferSize)!;
        var (records, batches) = (0, 0);
        while (batched.NextBatch(batch) is var count and > 0)
        {
            // Every record of the batch stays readable, in any order, until the next read.
            var expected = new List<(int Row, long Offset, string[] Fields)>();
            for (var i = 0; i < count; i++)
            {
                Assert.True(single.Next());
                expected.Add((single.Row, single.RecordOffset, single.Fields()));
            }

            for (var i = count - 1; i >= 0; i--)
            {
                batched.Select(i);
                Assert.Equal((expected[i].Row, expected[i].Offset), (batched.Row, batched.RecordOffset));
                Assert.Equal(expected[i].Fields, batched.Fields());
            }

            Assert.Equal(single.RowsRead, batched.RowsRead);
            (records, batches) = (records + count, batches + 1);
        }

        Assert.False(single.Next());
        Assert.True(records > 1000);
        Assert.True(batches < records);
    }

    [Fact]
    public void Bytes_that_are_not_utf8_after_the_first_buffer_mark_the_reader_invalid()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "late.csv");
        var rows = string.Concat(Enumerable.Range(0, 2000).Select(i => $"357701120390{i:0000},Budi,x\n"));
        File.WriteAllBytes(path, [.. Encoding.UTF8.GetBytes("nik,nama,x\n" + rows), .. "3577011203900001,Ma"u8, 0x92, .. "ruf,x\n"u8]);

        using var bytes = CsvBytes.TryOpen(path, 256)!;
        while (bytes.Next())
        {
        }

        Assert.True(bytes.Invalid);
    }
}

/// <summary>A roster and an extract that exercise every branch of the exact pass, written in one dialect.</summary>
internal static class ReconcileFixture
{
    private static readonly string[] Districts = ["35.77.01", "35.77.02", "35.19.01", "31.71.01"];
    private static readonly string[] Names = ["Budi Santoso", "Siti Aminah", "Dwi Lestari", "Agus Wibowo", "Ma\u2019ruf Amin", "Sri Wahyuni", "Eko Prasetyo", "Nur Hidayah"];

    public static (string Roster, string Members) Write(string directory, char delimiter, bool bom, string newline, int seed, Encoding encoding, bool straddle = false)
    {
        var longCell = straddle ? string.Concat(Enumerable.Repeat("baris\n", 40_000)) : "15070955";
        var random = new Random(seed);
        var people = Enumerable.Range(0, 1200).Select(p => Person(p, random)).ToArray();
        var members = new StringBuilder();
        var roster = new StringBuilder();
        Line(members, delimiter, newline, random, "No. KPJ", "NIK KTP", "Nama", "Tgl Lahir", "JK", "segmen", "npp", "status", "program", "upah_dilaporkan");
        Line(roster, delimiter, newline, random, "nik", "Nama Lengkap", "tanggal_lahir", "jenis_kelamin", "kode_wilayah", "instansi", "kategori", "Gaji", "jabatan");
        var kpj = 10_000_000_000L;
        foreach (var person in people.Where(p => p.Member))
        {
            var memberships = random.Next(10) == 0 ? 2 : 1;
            for (var m = 0; m < memberships; m++)
            {
                Line(
                    members, delimiter, newline, random,
                    // Now and then a KPJ that looks like a formula: the fast path copies KPJs as bytes.
                    (random.Next(30) == 0 ? "@" : string.Empty) + (kpj++).ToString(CultureInfo.InvariantCulture),
                    MemberNik(person.Nik, random),
                    random.Next(12) == 0 ? Pick(random, Names) : person.Name,
                    person.Birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    person.Sex.ToString(),
                    "PU",
                    person.Nik.EndsWith("0150", StringComparison.Ordinal) && m == 0 ? longCell : "15070955",
                    Pick(random, "AKTIF", "AKTIF", "NONAKTIF", " Aktif ", "", "KELUAR"),
                    Pick(random, "JKK,JKM,JHT,JP", "JKK,JKM", "JKK", "JKK;JKM;JHT", "", "jkk jkm"),
                    Pick(random, "2500000", "3000000", "2.500.000", "", "Rp -5", "1000000", "99999999999", "1e309"));
            }

            if (random.Next(40) == 0)
            {
                members.Append(newline);
            }
        }

        for (var row = 0; row < 1500; row++)
        {
            var person = people[random.Next(people.Length)];
            var kind = random.Next(20);
            var nik = kind switch
            {
                0 => "'" + person.Nik[..4] + " " + person.Nik[4..],
                1 => person.Nik[..6] + "99" + person.Nik[8..],
                2 => person.Nik[..12] + "0000",
                3 => string.Empty,
                4 => "3.57701E+15",
                5 => " " + person.Nik + " ",
                6 => "0000000000000000",
                _ => person.Nik,
            };
            var name = kind switch
            {
                7 => "Drs. " + person.Name.ToUpperInvariant(),
                8 => Pick(random, Names),
                9 => person.Name + ", S.Pd.",
                10 => "\u00A0" + person.Name + " ",
                11 => "Budi \"Ucok\" Santoso",
                12 => string.Empty,
                15 => "=HYPERLINK(\"http://contoh.test\",\"Klik\")",
                16 => "-" + person.Name,
                17 => "+" + person.Name,
                _ => person.Name,
            };
            var birth = kind is 3 or 12 && random.Next(2) == 0 ? string.Empty : person.Birth.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
            Line(
                roster, delimiter, newline, random,
                nik, name, birth, person.Sex.ToString(), person.District,
                kind == 13 ? "Dinas\nKesehatan" : "Dinas Kesehatan",
                "HONORER",
                Pick(random, "2500000", "3.000.000", "Rp 3.000.000,00", "", "-5", "2000000", "3,000,000", "9223372036854775807", "12345678901", "0x10"),
                kind == 14 ? "Staf, TU" : row == 750 && straddle ? longCell : string.Empty);
            if (random.Next(60) == 0)
            {
                roster.Append(newline);
            }
        }

        var rosterPath = Path.Combine(directory, "roster.csv");
        var membersPath = Path.Combine(directory, "members.csv");
        File.WriteAllBytes(rosterPath, Encode(roster.ToString(), encoding, bom));
        File.WriteAllBytes(membersPath, Encode(members.ToString(), encoding, bom));
        return (rosterPath, membersPath);
    }

    private static byte[] Encode(string text, Encoding encoding, bool bom) =>
        [.. bom ? encoding.GetPreamble() : [], .. encoding.GetBytes(text)];

    private static string MemberNik(string nik, Random random) => random.Next(10) switch
    {
        0 => string.Join('.', nik[..4], nik[4..8], nik[8..12], nik[12..]),
        1 => nik + " ",
        _ => nik,
    };

    private static (string Nik, string Name, DateOnly Birth, Sex Sex, string District, bool Member) Person(int p, Random random)
    {
        var sex = p % 2 == 0 ? Sex.L : Sex.P;
        var birth = new DateOnly(1970, 1, 1).AddDays(p * 7 % 12000);
        var district = Districts[p % Districts.Length];
        return (Lindung.Domain.Identifiers.Nik.Compose(district, birth, sex, 1 + (p / 4)), Names[p % Names.Length], birth, sex, district, p % 5 != 0);
    }

    private static string Pick(Random random, params string[] values) => values[random.Next(values.Length)];

    /// <summary>One record; a cell is quoted when it must be, and now and then when it need not be.</summary>
    private static void Line(StringBuilder text, char delimiter, string newline, Random random, params string[] cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            var cell = cells[i];
            var must = cell.AsSpan().IndexOfAny([delimiter, '\n', '\r']) >= 0 || cell.StartsWith('"');
            text.Append(i == 0 ? string.Empty : delimiter.ToString())
                .Append(must || random.Next(8) == 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell);
        }

        text.Append(newline);
    }
}
