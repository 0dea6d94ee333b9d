using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Lindung.Data.Entities;
using Lindung.Domain.Areas;
using Lindung.Domain.Contributions;
using Lindung.Domain.Rosters;

namespace Lindung.Features.Demo;

/// <summary>How big the demo region is; the seed makes it the same region every time.</summary>
internal sealed record DemoOptions(int Seed = 3577, int AgencyWorkers = 3000, int Employers = 300, int BpuWorkers = 300, int LicenceChecks = 300);

/// <summary>
/// The demo region, Kota Madiun, as entities ready to save: its OPD, local employers, the non-ASN
/// rosters of the OPD (outsourced staff employed by vendors), villagers in the BPU segment, and the
/// branch's membership extract with the gaps real regions have: unregistered staff, lapsed
/// (arrears) memberships and wages reported below the real wage (PDS Upah). Pure: the same options
/// and day give the same region, ids included.
/// </summary>
internal sealed class DemoRegion
{
    public const string RegionCode = DemoPeople.KotaMadiun;
    public const string Actor = "demo-seed";

    /// <summary>Share of an outsourcing vendor's placed staff it has registered; the rest split between lapsed and none.</summary>
    private const double VendorCovered = 0.82;

    /// <summary>
    /// Every other vendor keeps its house in order (all placed staff active, all four programs, the
    /// real wage reported, nothing unpaid): the compliant firms a licensing officer clears and a
    /// branch officer certifies.
    /// </summary>
    private readonly HashSet<Guid> _exemplaryVendors = [];

    private static readonly string[] Months =
        ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

    private readonly Random _random;
    private readonly DateOnly _today;
    private readonly DemoPeople _people;
    private readonly HashSet<string> _numbers = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, string> _agencyNpp = [];
    private readonly List<(Worker Worker, Employment Job, DemoAgency Agency)> _roster = [];
    private long _idTicks;

    private DemoRegion(DemoOptions options, DateOnly today, AreaDirectory areas)
    {
        _random = new Random(options.Seed);
        _today = today;
        _people = new DemoPeople(_random, areas, today);
        _idTicks = new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds();
        Extract = new MembershipExtract
        {
            Id = NewId(),
            FileName = string.Create(CultureInfo.InvariantCulture, $"Ekstrak kepesertaan BPJS TK Cabang Madiun, {Months[LastMonth.Month - 1]} {LastMonth.Year}.xlsx"),
            Sha256 = "",
            LoadedAt = today.ToDateTime(new TimeOnly(1, 30), DateTimeKind.Utc),
            LoadedBy = Actor,
            RegionCode = RegionCode,
        };
    }

    public List<Agency> Agencies { get; } = [];

    public List<Employer> Employers { get; } = [];

    public List<Worker> Workers { get; } = [];

    public List<Employment> Employments { get; } = [];

    public List<Membership> Memberships { get; } = [];

    public MembershipExtract Extract { get; }

    public List<CoverageTarget> Targets { get; } = [];

    /// <summary>The first day of last month: the latest month an active member has paid for.</summary>
    private DateOnly LastMonth => new DateOnly(_today.Year, _today.Month, 1).AddMonths(-1);

    public static DemoRegion Generate(DemoOptions options, DateOnly today, AreaDirectory areas)
    {
        var region = new DemoRegion(options, today, areas);
        region.AddAgencies();
        var vendors = region.AddEmployers(options.Employers);
        region.AddRosters(options.AgencyWorkers, vendors);
        region.AddPuMemberships(vendors);
        region.AddBpuWorkers(options.BpuWorkers);
        region.CloseExtract();
        return region;
    }

    /// <summary>Ids are version-7 GUIDs from the seeded random, one millisecond apart, so they sort in creation order.</summary>
    private Guid NewId()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        var ms = _idTicks++;
        for (var i = 5; i >= 0; i--)
        {
            bytes[i] = (byte)ms;
            ms >>= 8;
        }

        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>A random number of the given digits, never returned twice (NPP, KPJ, NIB, NPWP share one pool).</summary>
    private string UniqueNumber(string prefix, int digits)
    {
        while (true)
        {
            var builder = new StringBuilder(prefix, digits);
            while (builder.Length < digits)
            {
                builder.Append((char)('0' + _random.Next(10)));
            }

            var number = builder.ToString();
            if (_numbers.Add(number))
            {
                return number;
            }
        }
    }

    private void AddAgencies()
    {
        var byCode = new Dictionary<string, Agency>(StringComparer.Ordinal);
        foreach (var definition in DemoAgencies.All)
        {
            var agency = new Agency
            {
                Id = NewId(),
                Code = definition.Code,
                Name = definition.Name,
                Kind = definition.Kind,
                Institution = definition.Institution,
                ParentAgencyId = definition.ParentCode is { } parent ? byCode[parent].Id : null,
                RegionCode = RegionCode,
            };
            byCode[definition.Code] = agency;
            Agencies.Add(agency);
            // Each OPD is registered with the branch as an employer of its own (an NPP) but is not an Employer row.
            _agencyNpp[agency.Id] = UniqueNumber("", 8);
            Targets.Add(new CoverageTarget
            {
                Id = NewId(),
                Year = _today.Year,
                AgencyId = agency.Id,
                TargetBasisPoints = definition.ParentCode is null ? 9500 : 9000,
                RegionCode = RegionCode,
            });
        }

        Targets.Add(new CoverageTarget { Id = NewId(), Year = _today.Year, TargetBasisPoints = 9500, RegionCode = RegionCode });
    }

    private List<Employer> AddEmployers(int count)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var vendors = new List<Employer>();
        var totalWeight = DemoEmployers.Sectors.Sum(s => s.Weight);
        for (var i = 0; i < count; i++)
        {
            // Every third employer early on is a vendor, so even a small region has a few to place outsourced staff.
            var sector = i % 3 == 0 && vendors.Count < 3
                ? DemoEmployers.Sectors.First(s => s.Outsourcing)
                : PickSector(_random.Next(totalWeight));
            var size = sector.Outsourcing ? (_random.Next(3) == 0 ? BusinessSize.Large : BusinessSize.Medium) : DemoEmployers.NextSize(_random);
            string name;
            do
            {
                name = DemoEmployers.NextName(_random, sector, size);
            }
            while (!names.Add(name));

            // Some firms, mostly micro and small, have never registered with BPJS (no NPP): the licensing check's targets.
            var registered = sector.Outsourcing || _random.Next(100) < (size <= BusinessSize.Small ? 75 : 95);
            var employer = new Employer
            {
                Id = NewId(),
                Name = name,
                Nib = UniqueNumber("912", 13),
                // NPWP16 of a company: 0 + the old 15 digits (9 digits, a 3-digit tax office code, branch 000).
                Npwp = UniqueNumber("0", 10) + "623000",
                Npp = registered ? UniqueNumber("", 8) : null,
                BusinessSize = size,
                JkkRiskGroup = sector.RiskGroups[_random.Next(sector.RiskGroups.Length)],
                Sector = sector.Label,
                RegionCode = _random.Next(100) < 80 ? RegionCode : DemoPeople.KabupatenMadiun,
            };
            Employers.Add(employer);
            if (sector.Outsourcing)
            {
                vendors.Add(employer);
            }
        }

        return vendors;
    }

    private static DemoSector PickSector(int roll)
    {
        foreach (var sector in DemoEmployers.Sectors)
        {
            if (roll < sector.Weight)
            {
                return sector;
            }

            roll -= sector.Weight;
        }

        throw new InvalidOperationException("Unreachable: weights cover the roll.");
    }

    private void AddRosters(int workers, List<Employer> vendors)
    {
        var totalWeight = DemoAgencies.All.Sum(a => a.Weight);
        var weightSoFar = 0;
        for (var a = 0; a < DemoAgencies.All.Count; a++)
        {
            var definition = DemoAgencies.All[a];
            // Rounding the running total keeps the sizes summing to exactly the requested roster.
            var before = (int)Math.Round((double)workers * weightSoFar / totalWeight);
            weightSoFar += definition.Weight;
            var size = (int)Math.Round((double)workers * weightSoFar / totalWeight) - before;
            var agency = Agencies[a];
            var roles = DemoRoles.For(definition);
            for (var i = 0; i < size; i++)
            {
                AddStaff(definition, agency, PickRole(roles), vendors);
            }
        }
    }

    private DemoRole PickRole(IReadOnlyList<DemoRole> roles)
    {
        var roll = _random.Next(roles.Sum(r => r.Weight));
        foreach (var role in roles)
        {
            if (roll < role.Weight)
            {
                return role;
            }

            roll -= role.Weight;
        }

        throw new InvalidOperationException("Unreachable: weights cover the roll.");
    }

    private void AddStaff(DemoAgency definition, Agency agency, DemoRole role, List<Employer> vendors)
    {
        var position = role.Positions[_random.Next(role.Positions.Length)];
        var degree = role.Degrees.Length > 0 && _random.Next(100) < role.DegreePercent ? role.Degrees[_random.Next(role.Degrees.Length)] : null;
        var femalePercent = position switch
        {
            "Bidan" => 100,
            "Perawat" or "Guru kelas" or "Tenaga gizi" or "Petugas pendaftaran" or "Petugas laundry" => 75,
            "Pengemudi" or "Sopir ambulans" or "Satpam" or "Juru parkir" or "Tukang" or "Operator alat berat" or "Sopir truk sampah" => 3,
            _ when role.Category == WorkerCategory.HarianLepas => 30,
            _ => 50,
        };
        var worker = _people.Next(NewId, femalePercent, degree);
        Workers.Add(worker);

        var outsourced = role.Category == WorkerCategory.Outsourcing;
        var vendor = outsourced ? vendors[_random.Next(vendors.Count)] : null;
        var earliest = worker.BirthDate!.Value.AddYears(19);
        var start = StartDate(earliest);
        var job = new Employment
        {
            Id = NewId(),
            WorkerId = worker.Id,
            AgencyId = vendor is null ? agency.Id : null,
            EmployerId = vendor?.Id,
            Category = role.Category,
            Position = position,
            MonthlyWage = Wage(role),
            FundingSource = vendor is not null ? FundingSource.Private
                : definition.Staffing == DemoStaffing.Hospital || definition.Code.StartsWith("1.02.01.", StringComparison.Ordinal) ? FundingSource.Blud
                : FundingSource.Apbd,
            ValidFrom = start,
            RegionCode = vendor?.RegionCode ?? RegionCode,
        };

        var history = _random.Next(100);
        if (history < 6 && start.AddYears(-2) > earliest)
        {
            // An earlier version: a raise or a move from honorer to contract, superseded on the start date.
            var earlier = job.Category == WorkerCategory.Kontrak ? WorkerCategory.Honorer : job.Category;
            Employments.Add(new Employment
            {
                Id = NewId(),
                WorkerId = worker.Id,
                AgencyId = job.AgencyId,
                EmployerId = job.EmployerId,
                Category = earlier,
                Position = job.Position,
                MonthlyWage = Math.Clamp(RoundTo(job.MonthlyWage * 0.85, 50_000), 1_000_000, earlier == WorkerCategory.Honorer ? 2_200_000 : long.MaxValue),
                FundingSource = job.FundingSource,
                ValidFrom = start.AddYears(-1 - _random.Next(2)).AddDays(-_random.Next(200)),
                ValidTo = start,
                RegionCode = job.RegionCode,
            });
        }
        else if (history < 9 && start < _today.AddMonths(-6))
        {
            // Left the job in the last year: history only, no current employment.
            var earliestEnd = start.AddDays(90) > _today.AddDays(-360) ? start.AddDays(90) : _today.AddDays(-360);
            job.ValidTo = earliestEnd.AddDays(_random.Next(_today.AddDays(-30).DayNumber - earliestEnd.DayNumber + 1));
        }

        Employments.Add(job);
        _roster.Add((worker, job, definition));
    }

    /// <summary>Recent starts are more common than long tenures; nobody starts before 2005 or before 19.</summary>
    private DateOnly StartDate(DateOnly earliest)
    {
        var floor = earliest > new DateOnly(2005, 1, 1) ? earliest : new DateOnly(2005, 1, 1);
        var latest = _today.AddDays(-45);
        if (floor >= latest)
        {
            return latest;
        }

        var span = latest.DayNumber - floor.DayNumber;
        return latest.AddDays(-(int)(Math.Pow(_random.NextDouble(), 1.5) * span));
    }

    private long Wage(DemoRole role)
    {
        if (role.Category == WorkerCategory.HarianLepas)
        {
            return (role.MinWage / 25 + _random.Next(5) * 5_000) * 25;
        }

        var steps = (int)((role.MaxWage - role.MinWage) / 50_000);
        return role.MinWage + (_random.Next(steps + 1) * 50_000L);
    }

    private static long RoundTo(double value, long step) => (long)Math.Round(value / step) * step;

    /// <summary>
    /// Registers each agency's current roster in the agency's proportions (exactly, not by chance,
    /// so the demo's green, yellow and red agencies are stable), vendors' staff at a fixed share,
    /// and closes the memberships of people who left.
    /// </summary>
    private void AddPuMemberships(List<Employer> vendors)
    {
        // Arrears need a few months of history: only staff hired at least six months ago can have lapsed.
        var settled = _today.AddMonths(-6);
        for (var v = 0; v < vendors.Count; v += 2)
        {
            _exemplaryVendors.Add(vendors[v].Id);
        }

        foreach (var group in _roster.Where(r => r.Job.ValidTo is null).GroupBy(r => (r.Job.AgencyId, r.Job.EmployerId)))
        {
            var staff = group.OrderBy(_ => _random.Next()).ToList();
            var definition = staff[0].Agency;
            var exemplary = group.Key.EmployerId is { } vendorId && _exemplaryVendors.Contains(vendorId);
            var covered = exemplary ? 1.0 : group.Key.AgencyId is null ? VendorCovered : definition.Covered;
            var arrears = exemplary ? 0 : group.Key.AgencyId is null ? 0.06 : definition.Arrears;
            var active = (int)Math.Round(staff.Count * covered);
            var lapsed = staff.Where(s => s.Job.ValidFrom <= settled).Take(Math.Min(staff.Count - active, (int)Math.Round(staff.Count * arrears))).ToList();
            foreach (var (worker, job, _) in lapsed)
            {
                AddPu(worker, job, definition, MembershipStatus.Inactive, vendors);
            }

            var rest = staff.Except(lapsed).ToList();
            for (var i = 0; i < rest.Count; i++)
            {
                if (i < active)
                {
                    AddPu(rest[i].Worker, rest[i].Job, definition, MembershipStatus.Active, vendors);
                }
                else
                {
                    Unregistered(rest[i].Worker);
                }
            }
        }

        foreach (var (worker, job, definition) in _roster.Where(r => r.Job.ValidTo is not null))
        {
            if (_random.Next(100) < 70)
            {
                var membership = AddPu(worker, job, definition, MembershipStatus.Inactive, vendors);
                var beforeLeaving = new DateOnly(job.ValidTo!.Value.Year, job.ValidTo.Value.Month, 1).AddMonths(-1);
                var registeredMonth = new DateOnly(membership.ValidFrom.Year, membership.ValidFrom.Month, 1);
                membership.LastPaidMonth = beforeLeaving > registeredMonth ? beforeLeaving : registeredMonth;
            }
        }
    }

    private Membership AddPu(Worker worker, Employment job, DemoAgency definition, MembershipStatus status, List<Employer> vendors)
    {
        var npp = job.EmployerId is { } vendorId ? vendors.First(v => v.Id == vendorId).Npp! : _agencyNpp[job.AgencyId!.Value];
        var programs = ProgramSet.Jkk | ProgramSet.Jkm;
        var roll = _random.Next(100);
        if (job.Category == WorkerCategory.Outsourcing)
        {
            // Medium and large vendors owe all four programs; a third report fewer (PDS Program).
            programs |= ProgramSet.Jht | (roll < 67 ? ProgramSet.Jp : 0);
        }
        else if (roll < (definition.Staffing == DemoStaffing.Hospital ? 60 : 15))
        {
            programs |= ProgramSet.Jht | (roll < 10 && definition.Staffing == DemoStaffing.Hospital ? ProgramSet.Jp : 0);
        }

        // Registered some weeks after starting; before leaving, and early enough to have lapsed since.
        var cap = job.ValidTo?.AddDays(-45)
            ?? (status == MembershipStatus.Inactive ? LastMonth.AddMonths(-2).AddDays(-1) : _today.AddDays(-35));
        var registered = job.ValidFrom.AddDays(_random.Next(10, 240));
        registered = registered < cap ? registered : cap < job.ValidFrom ? job.ValidFrom : cap;
        var membership = new Membership
        {
            Id = NewId(),
            Kpj = UniqueNumber(registered.ToString("yy", CultureInfo.InvariantCulture), 11),
            WorkerId = worker.Id,
            Segment = Segment.Pu,
            Programs = programs,
            EmployerNpp = npp,
            Status = status,
            ReportedWage = ReportedWage(job.MonthlyWage),
            LastPaidMonth = status == MembershipStatus.Active ? LastMonth : Lapsed(registered),
            SourceExtractId = Extract.Id,
            ValidFrom = registered,
            RegionCode = job.RegionCode,
        };
        if (job.EmployerId is { } employer && _exemplaryVendors.Contains(employer))
        {
            // The draws above still happen, so the random sequence moves on as for any vendor; only what it reports changes.
            membership.Programs = ProgramSet.Jkk | ProgramSet.Jkm | ProgramSet.Jht | ProgramSet.Jp;
            membership.ReportedWage = job.MonthlyWage;
        }

        Memberships.Add(membership);
        return membership;
    }

    /// <summary>One in eight reports less than the real wage (PDS Upah): a round lower figure.</summary>
    private long ReportedWage(long wage)
    {
        if (_random.Next(8) != 0)
        {
            return wage;
        }

        var lower = RoundTo(wage * (0.55 + (_random.NextDouble() * 0.3)), 100_000);
        return Math.Max(1_000_000, Math.Min(lower, wage - 100_000));
    }

    /// <summary>Arrears: the last month paid is 2 to 14 months back, never before registration.</summary>
    private DateOnly Lapsed(DateOnly registered)
    {
        var month = LastMonth.AddMonths(-2 - _random.Next(13));
        var first = new DateOnly(registered.Year, registered.Month, 1);
        return month > first ? month : first;
    }

    /// <summary>
    /// Not registered through the agency. A few are PPPK now covered by Taspen, a few are recorded as
    /// covered by no scheme, and some pay for themselves in the BPU segment.
    /// </summary>
    private void Unregistered(Worker worker)
    {
        var roll = _random.Next(100);
        if (roll < 6)
        {
            worker.Scheme = SocialSecurityScheme.Taspen;
        }
        else if (roll < 10)
        {
            worker.Scheme = SocialSecurityScheme.None;
        }
        else if (roll < 22)
        {
            AddBpu(worker, 1_000_000 + (_random.Next(4) * 500_000));
        }
    }

    private void AddBpuWorkers(int count)
    {
        // Occupation decides the declared income; the registry keeps only the membership.
        (int Weight, int FemalePercent, long[] Incomes)[] occupations =
        [
            (35, 30, [1_000_000, 1_000_000, 1_500_000]), // petani, buruh tani
            (30, 65, [1_500_000, 2_000_000, 2_500_000]), // pedagang pasar, warung
            (20, 5, [2_000_000, 2_500_000]), // ojek, sopir
            (15, 40, [1_000_000, 1_500_000, 2_000_000]), // perajin brem, tukang jahit
        ];
        for (var i = 0; i < count; i++)
        {
            var roll = _random.Next(100);
            var occupation = occupations[0];
            foreach (var candidate in occupations)
            {
                occupation = candidate;
                if (roll < candidate.Weight)
                {
                    break;
                }

                roll -= candidate.Weight;
            }

            var worker = _people.Next(NewId, occupation.FemalePercent, livesInVillage: true);
            Workers.Add(worker);
            AddBpu(worker, occupation.Incomes[_random.Next(occupation.Incomes.Length)]);
        }
    }

    private void AddBpu(Worker worker, long declaredIncome)
    {
        var registered = _today.AddDays(-60 - _random.Next(5 * 365));
        var active = _random.Next(100) < 78;
        Memberships.Add(new Membership
        {
            Id = NewId(),
            Kpj = UniqueNumber(registered.ToString("yy", CultureInfo.InvariantCulture), 11),
            WorkerId = worker.Id,
            Segment = Segment.Bpu,
            Programs = ProgramSet.Jkk | ProgramSet.Jkm | (_random.Next(5) == 0 ? ProgramSet.Jht : 0),
            Status = active ? MembershipStatus.Active : MembershipStatus.Inactive,
            ReportedWage = declaredIncome,
            // BPU pay by the 15th of the month itself.
            LastPaidMonth = active ? LastMonth.AddMonths(_random.Next(2)) : Lapsed(registered),
            SourceExtractId = Extract.Id,
            ValidFrom = registered,
            RegionCode = worker.RegionCode[..5],
        });
    }

    /// <summary>The extract's checksum and row count describe the rows it delivered.</summary>
    private void CloseExtract()
    {
        var content = new StringBuilder();
        foreach (var m in Memberships)
        {
            content.Append(CultureInfo.InvariantCulture, $"{m.Kpj};{m.Segment};{m.Status};{m.ReportedWage};{m.LastPaidMonth:yyyy-MM}\n");
        }

        Extract.Sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content.ToString())));
        Extract.RowCount = Memberships.Count;
    }
}
