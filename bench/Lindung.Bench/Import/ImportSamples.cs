using System.Globalization;
using System.Text;
using Lindung.Domain.Areas;
using Lindung.Domain.Identifiers;
using Lindung.Features.Demo;

namespace Lindung.Bench.Import;

/// <summary>
/// A large, fully valid roster for one agency: unique NIKs by construction (district × birth day
/// × sex × serial), realistic names, ISO dates so PostgreSQL's and DuckDB's CSV readers take the
/// file as it is. Written streaming, so any size fits in memory.
/// </summary>
internal static class ImportSamples
{
    public const string AgencyCode = "DISDIK";
    public const string AgencyName = "Dinas Pendidikan";
    public const string Region = "35.77";

    /// <summary>The header Lindung maps (canonical names) and the peers' tables use as column names.</summary>
    public const string Header = "nik,nama,tanggal_lahir,jenis_kelamin,kode_wilayah,instansi,kategori,upah";

    private const int BirthDays = 40 * 365;

    public static string Write(string directory, int rows, int seed)
    {
        var path = Path.Combine(directory, $"roster-{rows}-{seed}.csv");
        if (File.Exists(path))
        {
            return path;
        }

        var districts = AreaDirectory.Embedded.Children(Region).Select(d => d.Code).ToArray();
        var random = new Random(seed);
        var firstBirth = new DateOnly(1968, 1, 1);
        var partial = path + ".part";
        using (var writer = new StreamWriter(partial, append: false, new UTF8Encoding(false), bufferSize: 1 << 20))
        {
            writer.Write(Header + "\n");
            var perSerial = districts.Length * BirthDays * 2;
            for (var i = 0; i < rows; i++)
            {
                var district = districts[i % districts.Length];
                var birth = firstBirth.AddDays((i / districts.Length) % BirthDays);
                var sex = (i / (districts.Length * BirthDays)) % 2 == 0 ? Sex.L : Sex.P;
                var serial = (i / perSerial) + 1;
                var nik = Lindung.Domain.Identifiers.Nik.Compose(district, birth, sex, serial);
                var name = IndonesianNames.Next(random, sex == Sex.P, birth.Year);
                var wage = 2_000_000 + (random.Next(60) * 50_000);
                var category = random.Next(4) switch { 0 => "GTT", 1 => "PTT", _ => "HONORER" };
                writer.Write(string.Create(CultureInfo.InvariantCulture,
                    $"{nik},{name},{birth:yyyy-MM-dd},{sex},{district},{AgencyCode},{category},{wage}\n"));
            }
        }

        File.Move(partial, path, overwrite: true);
        return path;
    }
}
