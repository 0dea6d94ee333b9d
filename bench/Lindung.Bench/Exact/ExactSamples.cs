using System.Globalization;
using System.Text;
using Lindung.Domain.Areas;
using Lindung.Domain.Identifiers;
using Lindung.Features.Demo;

namespace Lindung.Bench.Exact;

/// <summary>A clean roster and membership extract on disk, and how many roster rows are members.</summary>
internal sealed record ExactSample(string RosterPath, string MembersPath, long Covered);

/// <summary>
/// Large clean files for the exact (NIK) pass, written streaming so millions of rows never sit in
/// memory. Person p has a unique valid NIK (district p mod D, birth day p div D, serial 1); the
/// extract holds persons 0..M-1 in a shuffled order, the roster four in five of them (shuffled
/// differently) and one in five people who are not members. Files are kept per size and seed.
/// </summary>
internal static class ExactSamples
{
    private static readonly DateOnly FirstBirth = new(1968, 1, 1);
    private const int BirthDays = 14_000;

    public static ExactSample Write(string directory, int rosterCount, int memberCount, int seed)
    {
        var districts = AreaDirectory.Embedded.Provinces
            .SelectMany(p => AreaDirectory.Embedded.Children(p.Code))
            .SelectMany(r => AreaDirectory.Embedded.Children(r.Code))
            .Select(d => d.Code)
            .ToArray();
        var membersPath = Path.Combine(directory, $"exact-members-{memberCount}-{seed}.csv");
        var rosterPath = Path.Combine(directory, $"exact-roster-{rosterCount}-{memberCount}-{seed}.csv");
        if (!File.Exists(membersPath))
        {
            WriteMembers(membersPath + ".tmp", memberCount, seed, districts);
            File.Move(membersPath + ".tmp", membersPath, overwrite: true);
        }

        var covered = 0L;
        for (var row = 0; row < rosterCount && covered < memberCount; row++)
        {
            covered += IsMemberRow(row, seed) ? 1 : 0;
        }

        if (!File.Exists(rosterPath))
        {
            WriteRoster(rosterPath + ".tmp", rosterCount, memberCount, seed, districts);
            File.Move(rosterPath + ".tmp", rosterPath, overwrite: true);
        }

        return new ExactSample(rosterPath, membersPath, covered);
    }

    private static void WriteMembers(string path, int count, int seed, string[] districts)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 20);
        writer.Write("kpj,nik,nama,tanggal_lahir,jenis_kelamin,segmen,npp,status,program,upah_dilaporkan\n");
        var shuffle = Shuffle(count, seed);
        for (var i = 0; i < count; i++)
        {
            var p = (long)shuffle.Of(i);
            var h = Mix(p, seed);
            var (nik, name, birth, sex) = Person(p, seed, districts);
            var status = h % 100 < 85 ? "AKTIF" : "NONAKTIF";
            var programs = ((h >> 8) % 10) switch { < 7 => "\"JKK,JKM,JHT,JP\"", < 9 => "\"JKK,JKM,JHT\"", _ => "JKK" };
            var wage = 2_000_000 + ((long)((h >> 16) % 60) * 50_000);
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"{10_000_000_000 + p},{nik},{name},{birth:yyyy-MM-dd},{sex},PU,{15070955 + ((h >> 24) % 500)},{status},{programs},{wage}\n"));
        }
    }

    private static void WriteRoster(string path, int count, int memberCount, int seed, string[] districts)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 20);
        writer.Write("nik,nama,tanggal_lahir,jenis_kelamin,kode_wilayah,instansi,kategori,upah\n");
        var members = Shuffle(memberCount, seed + 1);
        var next = 0;
        for (var row = 0; row < count; row++)
        {
            // Members are drawn without repetition; past the extract's size every row is a non-member.
            var p = IsMemberRow(row, seed) && next < memberCount ? members.Of(next++) : (long)memberCount + row;
            var (nik, name, birth, sex) = Person(p, seed, districts);
            var wage = 2_000_000 + ((long)(Mix(p, seed + 7) % 60) * 50_000);
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"{nik},{name},{birth:dd/MM/yyyy},{sex},{districts[(int)(p % districts.Length)]},Dinas Kesehatan,HONORER,{wage}\n"));
        }
    }

    public static bool IsMemberRow(int row, int seed) => Mix(row, seed + 3) % 5 != 0;

    private static (string Nik, string Name, DateOnly Birth, Sex Sex) Person(long p, int seed, string[] districts)
    {
        var h = Mix(p, seed + 11);
        var sex = (h & 1) == 0 ? Sex.L : Sex.P;
        var district = districts[(int)(p % districts.Length)];
        var birth = FirstBirth.AddDays((int)(p / districts.Length % BirthDays));
        var serial = 1 + (int)(p / districts.Length / BirthDays);
        var given = sex == Sex.P ? IndonesianNames.Female : IndonesianNames.Male;
        var second = sex == Sex.P ? IndonesianNames.SecondFemale : IndonesianNames.SecondMale;
        var name = $"{given[(int)((h >> 1) % (ulong)given.Length)]} {second[(int)((h >> 20) % (ulong)second.Length)]}";
        return (Lindung.Domain.Identifiers.Nik.Compose(district, birth, sex, serial), name, birth, sex);
    }

    /// <summary>A bijection of 0..n-1 (multiply by a unit mod n, then rotate), cheap and streamable.</summary>
    private static Permutation Shuffle(int n, int seed)
    {
        var multiplier = 0x9E3779B1L % Math.Max(n, 1);
        while (n > 1 && (multiplier < 2 || Gcd(multiplier, n) != 1))
        {
            multiplier++;
        }

        return new Permutation(n, Math.Max(multiplier, 1), (long)(Mix(seed, 0) % (ulong)Math.Max(n, 1)));
    }

    private static long Gcd(long a, long b) => b == 0 ? a : Gcd(b, a % b);

    private static ulong Mix(long value, int seed)
    {
        var z = (ulong)value + ((ulong)seed * 0x9E3779B97F4A7C15UL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private readonly record struct Permutation(long N, long Multiplier, long Offset)
    {
        public int Of(int i) => (int)((((i * Multiplier) % N) + Offset) % N);
    }
}
