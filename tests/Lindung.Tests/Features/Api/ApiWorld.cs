using System.Net.Http.Headers;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Enforcement;
using Lindung.Domain.Rosters;
using Lindung.Features.ApiKeys;
using Lindung.Features.Reconciliation;
using Lindung.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lindung.Tests.Features.Api;

/// <summary>
/// A running app on SQLite or PostgreSQL with a small registry: agencies A and B in Kota Madiun
/// (35.77) and C in Kabupaten Madiun (35.19), one worker employed at each with a membership, one
/// employer and one API key per region. Users get the scope their role has in a Kota Madiun setup.
/// </summary>
internal sealed class ApiWorld : IAsyncDisposable
{
    public const string Region = "35.77";
    public const string OtherRegion = "35.19";
    public const string Anonymous = nameof(Anonymous);

    private readonly PostgresDatabase? _postgres;

    private ApiWorld(LindungTestApp app, PostgresDatabase? postgres)
    {
        App = app;
        _postgres = postgres;
    }

    public LindungTestApp App { get; }

    /// <summary>The global options that point the CLI at this app's database.</summary>
    public string[] DatabaseArgs => _postgres is null ? ["--data", App.DataDirectory] : ["--db", _postgres.ConnectionString];

    public Agency AgencyA { get; } = new() { Code = "OPD-A", Name = "Dinas Pendidikan", Kind = AgencyKind.Dinas, RegionCode = Region };

    public Agency AgencyB { get; } = new() { Code = "OPD-B", Name = "Dinas Kesehatan", Kind = AgencyKind.Dinas, RegionCode = Region };

    public Agency AgencyC { get; } = new() { Code = "OPD-C", Name = "Dinas Pertanian", Kind = AgencyKind.Dinas, RegionCode = OtherRegion };

    public Worker WorkerA { get; } = NewWorker("35.77.01", 1, "Siti Rahayu", "35.77.01.1001");

    public Worker WorkerB { get; } = NewWorker("35.77.02", 2, "Budi Santoso", "35.77.02.1001");

    public Worker WorkerC { get; } = NewWorker("35.19.01", 3, "Agus Wibowo", "35.19.01.2001");

    public Employer EmployerIn { get; } = new() { Name = "CV Karya Madiun", Npp = "12345678", RegionCode = Region };

    public Employer EmployerOut { get; } = new() { Name = "PT Tani Makmur", Npp = "87654321", RegionCode = OtherRegion };

    /// <summary>A branch working in Kota Madiun and Kabupaten Madiun (in every scoped caller's view, partly), and one working only in Magetan (outside).</summary>
    public BranchOffice BranchIn { get; } = new() { Code = "EX-IN", Name = "Kantor Cabang Madiun", RegionCode = Region };

    public BranchOffice BranchOut { get; } = new() { Code = "EX-OUT", Name = "Kantor Cabang Magetan", RegionCode = "35.20" };

    /// <summary>A construction contract of agency A with CV Karya Madiun (two stages), and one of agency C with PT Tani Makmur.</summary>
    public Contract ContractIn { get; private set; } = null!;

    public Contract ContractOut { get; private set; } = null!;

    /// <summary>A compliance certificate of each region's employer (the token is not verified by these fixtures).</summary>
    public ComplianceCertificate CertificateIn { get; private set; } = null!;

    public ComplianceCertificate CertificateOut { get; private set; } = null!;

    /// <summary>WorkerA's village, fostered by agency A (an ended assignment, then an open one).</summary>
    public const string VillageIn = "35.77.01.1001";

    /// <summary>WorkerC's village in 35.19, fostered by agency C.</summary>
    public const string VillageOut = "35.19.01.2001";

    /// <summary>Agency A's first fostering of <see cref="VillageIn"/>, ended.</summary>
    public VillageAssignment AssignmentIn { get; } = new() { VillageCode = VillageIn, RegionCode = Region, ValidFrom = new DateOnly(2025, 1, 1), ValidTo = new DateOnly(2025, 7, 1) };

    public VillageAssignment AssignmentOpen { get; } = new() { VillageCode = VillageIn, RegionCode = Region, ValidFrom = new DateOnly(2025, 7, 1) };

    public VillageAssignment AssignmentOut { get; } = new() { VillageCode = VillageOut, RegionCode = OtherRegion, ValidFrom = new DateOnly(2025, 1, 1) };

    public Sponsor SponsorIn { get; } = new() { Name = "CSR Madiun", Kind = SponsorKind.Csr, RegionCode = Region, VillageCodes = [VillageIn] };

    public Sponsor SponsorOut { get; } = new() { Name = "BAZNAS Lain", Kind = SponsorKind.Zakat, RegionCode = OtherRegion };

    public WorkerGroup GroupIn { get; } = new() { Name = "Kelompok Tani A", KindCode = "kelompok_tani", RegionCode = Region };

    public WorkerGroup GroupOut { get; } = new() { Name = "Kelompok Tani C", KindCode = "kelompok_tani", RegionCode = OtherRegion };

    public FieldLead LeadIn { get; private set; } = null!;

    public FieldLead LeadOut { get; private set; } = null!;

    public Sponsorship SponsorshipIn { get; private set; } = null!;

    public Sponsorship SponsorshipOut { get; private set; } = null!;

    /// <summary>
    /// EmployerIn's case, referred to the Kejaksaan Negeri of 35.77 and closed (so it withholds nothing
    /// from the compliance tests), with its SKK cover letter; EmployerOut's open case at the first warning.
    /// </summary>
    public EnforcementCase CaseIn { get; private set; } = null!;

    public EnforcementCase CaseOut { get; private set; } = null!;

    public EnforcementLetter LetterIn { get; private set; } = null!;

    public EnforcementLetter LetterOut { get; private set; } = null!;

    /// <summary>A JKK claim of WorkerB (agency B, 35.77) and one of WorkerC (35.19).</summary>
    public BenefitClaim ClaimIn { get; private set; } = null!;

    public BenefitClaim ClaimOut { get; private set; } = null!;

    /// <summary>A complaint of agency A (35.77) with a PDF on its first message, and one of agency C (35.19).</summary>
    public Ticket TicketIn { get; private set; } = null!;

    public Ticket TicketOut { get; private set; } = null!;

    public TicketAttachment AttachmentIn { get; private set; } = null!;

    public TicketAttachment AttachmentOut { get; private set; } = null!;

    public ApiKey KeyIn { get; } = NewKey("aaaaaaaaaaaa", Region);

    public ApiKey KeyOut { get; } = NewKey("bbbbbbbbbbbb", OtherRegion);

    /// <summary>Reconciliation runs of each region and the result of agency A's worker (in) and agency C's (out).</summary>
    public Guid RunIn { get; private set; }

    public Guid RunOut { get; private set; }

    public Guid ResultIn { get; private set; }

    public Guid ResultOut { get; private set; }

    public static TheoryData<string> Providers => new(nameof(DatabaseProvider.Sqlite), nameof(DatabaseProvider.Postgres));

    /// <summary>A finished roster import of agency A with its row reports, and one of agency C.</summary>
    public ImportJob JobIn { get; } = NewJob(Region);

    public ImportJob JobOut { get; } = NewJob(OtherRegion);

    public static async Task<ApiWorld> StartAsync(string provider, Action<WebApplicationBuilder>? configure = null)
    {
        var postgres = provider == nameof(DatabaseProvider.Postgres) ? await PostgresDatabase.CreateAsync() : null;
        var app = await LindungAppFactory.StartTestServerAsync(configure, db: postgres?.ConnectionString);
        var world = new ApiWorld(app, postgres);
        await world.SeedAsync();
        return world;
    }

    /// <summary>A client for a caller: <see cref="Anonymous"/> or a role, signed in with that role's usual scope.</summary>
    public async Task<HttpClient> ClientAsync(string caller) => caller switch
    {
        Anonymous => App.CreateClient(),
        LindungRoles.AgencyOperator or LindungRoles.ProcurementOfficer => await TestUsers.SignedInClientAsync(App, caller, AgencyA.Code),
        LindungRoles.Sponsor or LindungRoles.Auditor => await TestUsers.SignedInClientAsync(App, caller),
        _ => await TestUsers.SignedInClientAsync(App, caller, null, Region),
    };

    /// <summary>A client that sends a fresh API key (as Bearer) and no cookie.</summary>
    public async Task<(HttpClient Client, ApiKey Row)> KeyClientAsync(string role, string? agencyCode = null, string? region = Region)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
        var (issued, errors) = await IssueApiKey.CreateAsync(
            db, db.Agencies, allowedRegions: null, new NewApiKey($"test {role}", role, agencyCode, agencyCode is null ? region : null), "test", DateTime.UtcNow, CancellationToken.None);
        Assert.True(issued is not null, string.Join("; ", errors.Select(e => $"{e.Key}: {e.Value.MessageEn}")));
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", issued.Key);
        return (client, issued.Row);
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }

    private static EnforcementCase NewCase(Employer employer, string number, EnforcementStage stage, string? prosecutorRegion) => new()
    {
        Number = number,
        EmployerId = employer.Id,
        Npp = employer.Npp,
        Violations = "PDS_WORKERS",
        Evidence = "[]",
        Stage = stage,
        StageOn = new DateOnly(2026, 11, 2),
        OpenedOn = new DateOnly(2026, 10, 1),
        OpenedBy = "fixture",
        ProsecutorRegion = prosecutorRegion,
        RegionCode = employer.RegionCode,
    };

    private static EnforcementLetter NewLetter(EnforcementCase c, EnforcementLetterKind kind) => new()
    {
        CaseId = c.Id,
        Kind = kind,
        Number = $"001/X/{c.RegionCode}/XI/2026",
        Sequence = 1,
        Year = 2026,
        IssuedOn = c.StageOn,
        IssuedBy = "fixture",
        Pdf = "%PDF-1.4 fixture"u8.ToArray(),
        RegionCode = c.RegionCode,
    };

    private async Task SeedAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
        db.AddRange(AgencyA, AgencyB, AgencyC, WorkerA, WorkerB, WorkerC, EmployerIn, EmployerOut, KeyIn, KeyOut, BranchIn, BranchOut);
        db.AddRange(
            new BranchWorkingArea { BranchId = BranchIn.Id, RegionCode = Region, ValidFrom = new DateOnly(2025, 1, 1) },
            new BranchWorkingArea { BranchId = BranchIn.Id, RegionCode = OtherRegion, ValidFrom = new DateOnly(2025, 1, 1) },
            new BranchWorkingArea { BranchId = BranchOut.Id, RegionCode = "35.20", ValidFrom = new DateOnly(2025, 1, 1) });
        AssignmentIn.AgencyId = AgencyA.Id;
        AssignmentOpen.AgencyId = AgencyA.Id;
        AssignmentOut.AgencyId = AgencyC.Id;
        db.AddRange(AssignmentIn, AssignmentOpen, AssignmentOut);
        db.AddRange(SponsorIn, SponsorOut);
        GroupIn.AgencyId = AgencyA.Id;
        GroupOut.AgencyId = AgencyC.Id;
        db.AddRange(GroupIn, GroupOut);
        CaseIn = NewCase(EmployerIn, "PK/35.77/2026/0001", EnforcementStage.Referral, Region);
        CaseIn.Outcome = EnforcementOutcome.LegalAction;
        CaseIn.ClosedOn = new DateOnly(2026, 11, 30);
        CaseOut = NewCase(EmployerOut, "PK/35.19/2026/0001", EnforcementStage.Warning1, null);
        LetterIn = NewLetter(CaseIn, EnforcementLetterKind.SkkCover);
        LetterOut = NewLetter(CaseOut, EnforcementLetterKind.Warning1);
        db.AddRange(CaseIn, CaseOut, LetterIn, LetterOut);
        ClaimIn = new BenefitClaim { WorkerId = WorkerB.Id, Kind = Lindung.Domain.Claims.ClaimKind.Jkk, EventDate = new DateOnly(2026, 11, 2), Status = Lindung.Domain.Claims.ClaimStatus.Reported, AgencyId = AgencyB.Id, RecordedBy = "fixture", RegionCode = Region };
        ClaimOut = new BenefitClaim { WorkerId = WorkerC.Id, Kind = Lindung.Domain.Claims.ClaimKind.Jkk, EventDate = new DateOnly(2026, 11, 2), Status = Lindung.Domain.Claims.ClaimStatus.Reported, AgencyId = AgencyC.Id, RecordedBy = "fixture", RegionCode = OtherRegion };
        db.AddRange(ClaimIn, ClaimOut);
        (TicketIn, AttachmentIn) = NewTicket(db, AgencyA, "TK/35.77/2026/0001");
        (TicketOut, AttachmentOut) = NewTicket(db, AgencyC, "TK/35.19/2026/0001");
        LeadIn = NewLead(WorkerA);
        LeadOut = NewLead(WorkerC);
        db.AddRange(LeadIn, LeadOut);
        SponsorshipIn = NewSponsorship(SponsorIn, WorkerB);
        SponsorshipOut = NewSponsorship(SponsorOut, WorkerC);
        db.AddRange(SponsorshipIn, SponsorshipOut);
        JobIn.AgencyId = AgencyA.Id;
        JobOut.AgencyId = AgencyC.Id;
        db.AddRange(JobIn, JobOut);
        foreach (var job in new[] { JobIn, JobOut })
        {
            foreach (var report in new[] { job.ReportCsvPath!, job.ReportXlsxPath! })
            {
                var path = Path.Combine(App.DataDirectory, report);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await File.WriteAllTextAsync(path, "baris,kolom,pesan\n");
            }
        }

        var serial = 0;
        foreach (var (worker, agency) in new[] { (WorkerA, AgencyA), (WorkerB, AgencyB), (WorkerC, AgencyC) })
        {
            serial++;
            db.Add(new Employment
            {
                WorkerId = worker.Id,
                AgencyId = agency.Id,
                Category = WorkerCategory.Honorer,
                MonthlyWage = 2_500_000,
                FundingSource = FundingSource.Apbd,
                ValidFrom = new DateOnly(2025, 1, 1),
                RegionCode = agency.RegionCode,
            });
            db.Add(new Membership
            {
                Kpj = $"1234567890{serial}",
                WorkerId = worker.Id,
                Segment = Lindung.Domain.Contributions.Segment.Pu,
                Programs = ProgramSet.Jkk | ProgramSet.Jkm,
                Status = MembershipStatus.Active,
                ReportedWage = 2_500_000,
                ValidFrom = new DateOnly(2025, 1, 1),
                RegionCode = agency.RegionCode,
            });
        }

        ContractIn = NewContract(AgencyA, EmployerIn, "35.77.01.1001");
        ContractOut = NewContract(AgencyC, EmployerOut, "35.19.01.2001");
        db.AddRange(ContractIn, ContractOut);
        CertificateIn = NewCertificate(EmployerIn);
        CertificateOut = NewCertificate(EmployerOut);
        db.AddRange(CertificateIn, CertificateOut);
        await db.SaveChangesAsync();

        RunIn = (await ReconciliationRunner.RunAsync(db, Region, null, "fixture", Lindung.Features.Contributions.RateBookLoader.BuiltIn(), TimeProvider.System, CancellationToken.None)).Id;
        RunOut = (await ReconciliationRunner.RunAsync(db, OtherRegion, null, "fixture", Lindung.Features.Contributions.RateBookLoader.BuiltIn(), TimeProvider.System, CancellationToken.None)).Id;
        ResultIn = await db.ReconciliationResults.Where(r => r.RunId == RunIn && r.WorkerId == WorkerA.Id).Select(r => r.Id).SingleAsync();
        ResultOut = await db.ReconciliationResults.Where(r => r.RunId == RunOut && r.WorkerId == WorkerC.Id).Select(r => r.Id).SingleAsync();
    }

    private static Worker NewWorker(string district, int serial, string name, string village) => new()
    {
        Nik = Lindung.Domain.Identifiers.Nik.Compose(district, new DateOnly(1990, 5, serial), Lindung.Domain.Identifiers.Sex.L, serial),
        Name = name,
        Sex = Lindung.Domain.Identifiers.Sex.L,
        RegionCode = village,
    };

    private static Contract NewContract(Agency agency, Employer contractor, string village)
    {
        var contract = new Contract
        {
            Number = $"SPK/{agency.Code}/2026/001",
            AgencyId = agency.Id,
            ContractorId = contractor.Id,
            Kind = Lindung.Domain.Procurement.ContractKind.Konstruksi,
            Value = 750_000_000,
            StartDate = new DateOnly(2026, 3, 1),
            EndDate = new DateOnly(2026, 9, 30),
            LocationCode = village,
            CreatedBy = "fixture",
            CreatedAt = DateTime.UtcNow,
            RegionCode = agency.RegionCode,
        };
        contract.Stages.Add(new ContractStage { ContractId = contract.Id, Number = 1, Amount = 375_000_000, ShareBasisPoints = 5000, RegionCode = agency.RegionCode });
        contract.Stages.Add(new ContractStage { ContractId = contract.Id, Number = 2, Amount = 375_000_000, ShareBasisPoints = 5000, RegionCode = agency.RegionCode });
        return contract;
    }

    private static ComplianceCertificate NewCertificate(Employer employer) => new()
    {
        EmployerId = employer.Id,
        EmployerName = employer.Name,
        Npp = employer.Npp,
        RegionCode = employer.RegionCode,
        IssuedBy = "fixture",
        IssuedAt = DateTime.UtcNow,
        ValidUntil = DateTime.UtcNow.AddDays(90),
        KeyId = "fixture",
        Token = "fixture.token.unsigned",
    };

    private static ImportJob NewJob(string region)
    {
        var id = Guid.CreateVersion7();
        return new ImportJob
        {
            Id = id,
            Kind = ImportKind.Roster,
            OriginalFileName = "daftar.csv",
            StoredPath = $"uploads/{id:N}.csv",
            Status = ImportJobStatus.Succeeded,
            CreatedAt = DateTime.UtcNow,
            CreatedBy = "test",
            Committed = true,
            ReportCsvPath = $"reports/{id:N}.csv",
            ReportXlsxPath = $"reports/{id:N}.xlsx",
            RegionCode = region,
        };
    }

    private static ApiKey NewKey(string prefix, string region) => new()
    {
        Name = $"fixture {region}",
        Prefix = prefix,
        SecretHash = new string('0', 64),
        Role = LindungRoles.LicensingOfficer,
        CreatedBy = "test",
        CreatedAt = DateTime.UtcNow,
        RegionCode = region,
    };

    private static Sponsorship NewSponsorship(Sponsor sponsor, Worker worker) => new()
    {
        SponsorId = sponsor.Id,
        WorkerId = worker.Id,
        FirstMonth = new DateOnly(2026, 1, 1),
        Months = 12,
        MonthlyIncome = 1_000_000,
        Programs = "JKK,JKM",
        Occupation = Lindung.Domain.Contributions.BpuSector.Other,
        PledgedOn = new DateOnly(2025, 12, 20),
        RegionCode = worker.RegionCode[..5],
    };

    private static FieldLead NewLead(Worker worker) => new()
    {
        Nik = worker.Nik,
        Name = worker.Name,
        WorkerId = worker.Id,
        CapturedBy = "fixture",
        CapturedAt = new DateTime(2026, 1, 5, 2, 0, 0, DateTimeKind.Utc),
        CaptureId = Guid.NewGuid(),
        ConsentToContact = true,
        RegionCode = worker.RegionCode,
    };

    private static (Ticket, TicketAttachment) NewTicket(LindungDbContext db, Agency agency, string number)
    {
        var ticket = new Ticket
        {
            Number = number,
            AgencyId = agency.Id,
            Category = Lindung.Domain.Feedback.TicketCategory.Pengaduan,
            Subject = "Kartu peserta belum diterima",
            Status = Lindung.Domain.Feedback.TicketStatus.Open,
            OpenedOn = new DateOnly(2026, 11, 2),
            OpenedBy = "fixture",
            AnswerDueOn = new DateOnly(2026, 11, 9),
            LastActivityAt = new DateTime(2026, 11, 2, 3, 0, 0, DateTimeKind.Utc),
            RegionCode = agency.RegionCode,
        };
        var message = new TicketMessage { TicketId = ticket.Id, At = ticket.LastActivityAt, By = "fixture", Text = "Mohon dibantu.", RegionCode = agency.RegionCode };
        var attachment = new TicketAttachment
        {
            TicketId = ticket.Id,
            MessageId = message.Id,
            FileName = "surat.pdf",
            Kind = Lindung.Domain.Feedback.AttachmentKind.Pdf,
            Length = 9,
            Content = "%PDF-1.4\n"u8.ToArray(),
            RegionCode = agency.RegionCode,
        };
        db.AddRange(ticket, message, attachment);
        return (ticket, attachment);
    }
}
