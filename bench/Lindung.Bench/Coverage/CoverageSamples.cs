using System.Globalization;
using System.Text;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Areas;
using Lindung.Domain.Contributions;
using Lindung.Domain.Identifiers;
using Lindung.Domain.Rosters;
using Lindung.Features.Demo;

namespace Lindung.Bench.Coverage;

/// <summary>
/// A regency-sized registry held in compact arrays: agencies of Kabupaten Madiun; roster workers
/// living in its villages, each with a job at one agency (some ended, a few ASN under Taspen), about
/// nine in ten of them with a membership (some with history: an inactive version, then an active
/// one); then other participants — BPU, JAKON, PMI and private PU members of thousands of employers —
/// up to the requested number of memberships. Both loaders and the CSV export read these arrays, so
/// every contender counts the same rows.
/// </summary>
internal sealed class CoverageSamples
{
    public const string Regency = "35.19";
    public const string City = "35.77";
    public const int AgencyCount = 50;
    public const int EmployerCount = 5000;

    private const int BirthDays = 40 * 365;

    private CoverageSamples(int rosterWorkers, int participants, int memberships)
    {
        RosterWorkers = rosterWorkers;
        WorkerVillage = new short[rosterWorkers + participants];
        WorkerBirth = new short[rosterWorkers + participants];
        WorkerTaspen = new bool[rosterWorkers + participants];
        WorkerNames = new string[rosterWorkers + participants];
        MemberWorker = new int[memberships];
        MemberSegment = new byte[memberships];
        MemberActive = new bool[memberships];
        MemberNpp = new int[memberships];
        MemberFrom = new short[memberships];
        MemberTo = new short[memberships];
        MemberCity = new bool[memberships];
    }

    public DateOnly Today { get; private init; }

    public int RosterWorkers { get; }

    public int Workers => WorkerVillage.Length;

    public int Memberships => MemberWorker.Length;

    public string[] Villages { get; private init; } = [];

    public Guid[] AgencyIds { get; private init; } = [];

    public short[] WorkerVillage { get; }

    /// <summary>Days after 1968-01-01.</summary>
    public short[] WorkerBirth { get; }

    public bool[] WorkerTaspen { get; }

    public string[] WorkerNames { get; }

    /// <summary>Per roster worker: the agency, the category, the job's start (days before today) and end (0 = open, else days before today).</summary>
    public byte[] JobAgency { get; private init; } = [];

    public byte[] JobCategory { get; private init; } = [];

    public short[] JobFrom { get; private init; } = [];

    public short[] JobTo { get; private init; } = [];

    public int[] MemberWorker { get; }

    /// <summary>Index into <see cref="SegmentCodes"/>.</summary>
    public byte[] MemberSegment { get; }

    public bool[] MemberActive { get; }

    /// <summary>-1: no employer; 0–49: the agency's own NPP; 50+: a private employer.</summary>
    public int[] MemberNpp { get; }

    /// <summary>Days before today the version started.</summary>
    public short[] MemberFrom { get; }

    /// <summary>Days before today the version ended; 0 = open.</summary>
    public short[] MemberTo { get; }

    /// <summary>Placed in Kota Madiun instead of the regency (a participant working across the border).</summary>
    public bool[] MemberCity { get; }

    public static readonly string[] SegmentCodes = [.. new[] { Segment.Pu, Segment.Bpu, Segment.Jakon, Segment.Pmi }.Select(EnumCodes<Segment>.ToCode)];

    public static readonly string[] CategoryCodes =
        [.. new[] { WorkerCategory.Honorer, WorkerCategory.Gtt, WorkerCategory.Ptt, WorkerCategory.Kontrak, WorkerCategory.HarianLepas }.Select(EnumCodes<WorkerCategory>.ToCode)];

    public static CoverageSamples Generate(int rosterWorkers, int memberships, int seed, DateOnly today, int bigAgencyWorkers = 0)
    {
        var random = new Random(seed);
        // Roster memberships: 7 in 10 workers one version, 1 in 10 two versions, 2 in 10 none.
        var linked = 0;
        for (var i = 0; i < rosterWorkers; i++)
        {
            linked += (i % 10) switch { < 7 => 1, 7 => 2, _ => 0 };
        }

        var rest = Math.Max(0, memberships - linked);
        var participants = (rest + 1) / 2;
        var villages = AreaDirectory.Embedded.Children(Regency).SelectMany(d => AreaDirectory.Embedded.Children(d.Code)).Select(v => v.Code).ToArray();
        var samples = new CoverageSamples(rosterWorkers, participants, linked + rest)
        {
            Today = today,
            Villages = villages,
            AgencyIds = [.. Enumerable.Range(0, AgencyCount).Select(_ => Guid.CreateVersion7())],
            JobAgency = new byte[rosterWorkers],
            JobCategory = new byte[rosterWorkers],
            JobFrom = new short[rosterWorkers],
            JobTo = new short[rosterWorkers],
        };

        for (var w = 0; w < samples.Workers; w++)
        {
            samples.WorkerVillage[w] = (short)random.Next(villages.Length);
            // Birth day and sex from the index, so (birth, sex, serial) — and with it the NIK — is unique by construction.
            samples.WorkerBirth[w] = (short)((w / 2) % BirthDays);
            samples.WorkerTaspen[w] = w < rosterWorkers && random.Next(30) == 0;
            samples.WorkerNames[w] = IndonesianNames.Next(random, w % 2 == 1, 1968 + (samples.WorkerBirth[w] / 365));
        }

        var m = 0;
        for (var w = 0; w < rosterWorkers; w++)
        {
            // The first bigAgencyWorkers workers all work for agency 0; the draw still happens, so the rest of the sample is the same.
            var agency = (byte)random.Next(AgencyCount);
            agency = w < bigAgencyWorkers ? (byte)0 : agency;
            samples.JobAgency[w] = agency;
            samples.JobCategory[w] = (byte)random.Next(CategoryCodes.Length);
            samples.JobFrom[w] = (short)random.Next(30, 2000);
            samples.JobTo[w] = random.Next(25) == 0 ? (short)random.Next(1, 29) : (short)0;
            var start = (short)random.Next(20, 1500);
            switch (w % 10)
            {
                case < 7:
                    samples.Member(m++, w, 0, random.Next(8) > 0, agency, start, 0, city: false);
                    break;
                case 7:
                    var change = (short)random.Next(1, start);
                    samples.Member(m++, w, 0, active: false, agency, start, change, city: false);
                    samples.Member(m++, w, 0, active: true, agency, change, 0, city: false);
                    break;
            }
        }

        for (var p = 0; m < samples.Memberships; p++)
        {
            var worker = rosterWorkers + (p % Math.Max(1, participants));
            var segment = (byte)(random.Next(20) switch { < 9 => 0, < 15 => 1, < 18 => 2, _ => 3 });
            var npp = segment == 0 ? AgencyCount + random.Next(EmployerCount) : segment == 2 ? AgencyCount + random.Next(EmployerCount / 10) : -1;
            var start = (short)random.Next(1, 3000);
            var ended = random.Next(6) == 0 ? (short)random.Next(1, start) : (short)0;
            samples.Member(m++, worker, segment, random.Next(10) > 1, npp, start, ended, city: random.Next(5) == 0);
        }

        return samples;
    }

    private void Member(int index, int worker, byte segment, bool active, int npp, short from, short to, bool city)
    {
        MemberWorker[index] = worker;
        MemberSegment[index] = segment;
        MemberActive[index] = active;
        MemberNpp[index] = npp;
        MemberFrom[index] = from;
        MemberTo[index] = to;
        MemberCity[index] = city;
    }

    // ---- The values as the registry stores them ----

    public static Guid WorkerId(int worker) => new(string.Create(CultureInfo.InvariantCulture, $"00000000-0000-7000-8000-{worker:x12}"));

    public static Guid EmploymentId(int worker) => new(string.Create(CultureInfo.InvariantCulture, $"00000001-0000-7000-8000-{worker:x12}"));

    public static Guid MembershipId(int member) => new(string.Create(CultureInfo.InvariantCulture, $"00000002-0000-7000-8000-{member:x12}"));

    public static string Kpj(int member) => (10_000_000_000L + member).ToString(CultureInfo.InvariantCulture);

    public static string Npp(int npp) => (20_000_000 + npp).ToString(CultureInfo.InvariantCulture);

    public string Nik(int worker)
    {
        var district = Villages[WorkerVillage[worker]][..8];
        var birth = new DateOnly(1968, 1, 1).AddDays(WorkerBirth[worker]);
        return Lindung.Domain.Identifiers.Nik.Compose(district, birth, SexOf(worker), 1 + (worker / (2 * BirthDays)));
    }

    public static Sex SexOf(int worker) => worker % 2 == 1 ? Sex.P : Sex.L;

    public DateOnly Birth(int worker) => new DateOnly(1968, 1, 1).AddDays(WorkerBirth[worker]);

    public DateOnly DaysAgo(short days) => Today.AddDays(-days);

    public DateOnly? EndDaysAgo(short days) => days == 0 ? null : Today.AddDays(-days);

    public string MemberRegion(int member) => MemberCity[member] ? City : Regency;

    public static string Programs(byte segment) => EnumCodes<ProgramSet>.ToCode(segment switch
    {
        0 => ProgramSet.Jkk | ProgramSet.Jkm | ProgramSet.Jht | ProgramSet.Jp,
        1 => ProgramSet.Jkk | ProgramSet.Jkm,
        2 => ProgramSet.Jkk | ProgramSet.Jkm,
        _ => ProgramSet.Jkk | ProgramSet.Jkm | ProgramSet.Jht,
    });

    /// <summary>The four tables the coverage figures read, as CSV with ISO dates, for the peer to load.</summary>
    public void WriteCsv(string directory)
    {
        using (var agencies = Writer(directory, "agencies.csv", "id,region_code"))
        {
            foreach (var id in AgencyIds)
            {
                agencies.Write(string.Create(CultureInfo.InvariantCulture, $"{id},{Regency}\n"));
            }
        }

        var taspen = EnumCodes<SocialSecurityScheme>.ToCode(SocialSecurityScheme.Taspen);
        var bpjs = EnumCodes<SocialSecurityScheme>.ToCode(SocialSecurityScheme.BpjsTk);
        using (var workers = Writer(directory, "workers.csv", "id,region_code,scheme"))
        {
            for (var w = 0; w < Workers; w++)
            {
                workers.Write(string.Create(CultureInfo.InvariantCulture, $"{WorkerId(w)},{Villages[WorkerVillage[w]]},{(WorkerTaspen[w] ? taspen : bpjs)}\n"));
            }
        }

        using (var jobs = Writer(directory, "employments.csv", "worker_id,agency_id,category,valid_from,valid_to"))
        {
            for (var w = 0; w < RosterWorkers; w++)
            {
                jobs.Write(string.Create(CultureInfo.InvariantCulture,
                    $"{WorkerId(w)},{AgencyIds[JobAgency[w]]},{CategoryCodes[JobCategory[w]]},{DaysAgo(JobFrom[w]):yyyy-MM-dd},{EndDaysAgo(JobTo[w]):yyyy-MM-dd}\n"));
            }
        }

        var active = EnumCodes<MembershipStatus>.ToCode(MembershipStatus.Active);
        var inactive = EnumCodes<MembershipStatus>.ToCode(MembershipStatus.Inactive);
        using var members = Writer(directory, "memberships.csv", "worker_id,segment,status,employer_npp,valid_from,valid_to,region_code");
        for (var m = 0; m < Memberships; m++)
        {
            members.Write(string.Create(CultureInfo.InvariantCulture,
                $"{WorkerId(MemberWorker[m])},{SegmentCodes[MemberSegment[m]]},{(MemberActive[m] ? active : inactive)},{(MemberNpp[m] < 0 ? string.Empty : Npp(MemberNpp[m]))},{DaysAgo(MemberFrom[m]):yyyy-MM-dd},{EndDaysAgo(MemberTo[m]):yyyy-MM-dd},{MemberRegion(m)}\n"));
        }
    }

    private static StreamWriter Writer(string directory, string name, string header)
    {
        var writer = new StreamWriter(Path.Combine(directory, name), append: false, new UTF8Encoding(false), bufferSize: 1 << 20);
        writer.Write(header + "\n");
        return writer;
    }
}
