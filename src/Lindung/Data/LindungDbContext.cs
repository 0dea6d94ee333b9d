using Lindung.Data.Configurations;
using Lindung.Data.Entities;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Data;

/// <summary>
/// The registry: agencies, employers, workers, their employments and memberships, targets, the
/// audit trail, API keys and the Identity user store. Abstract because each provider has its own derived
/// context and its own migrations (<see cref="SqliteLindungDbContext"/>, <see cref="PostgresLindungDbContext"/>);
/// application code depends on this type only.
/// </summary>
internal abstract class LindungDbContext(DbContextOptions options) : IdentityDbContext<LindungUser>(options)
{
    /// <summary>
    /// Who this scope's changes are audited under. Contexts are pooled, so it is handed over each
    /// time one is lent to a scope (<see cref="DatabaseServiceCollectionExtensions"/>), never injected.
    /// </summary>
    public IAuditActor? Actor { get; set; }

    public DbSet<Agency> Agencies => Set<Agency>();

    public DbSet<Employer> Employers => Set<Employer>();

    public DbSet<Worker> Workers => Set<Worker>();

    public DbSet<Employment> Employments => Set<Employment>();

    public DbSet<Membership> Memberships => Set<Membership>();

    public DbSet<MembershipExtract> MembershipExtracts => Set<MembershipExtract>();

    public DbSet<CoverageTarget> CoverageTargets => Set<CoverageTarget>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<ReconciliationRun> ReconciliationRuns => Set<ReconciliationRun>();

    public DbSet<ReconciliationResult> ReconciliationResults => Set<ReconciliationResult>();

    public DbSet<MatchDecision> MatchDecisions => Set<MatchDecision>();

    public DbSet<ImportBatch> ImportBatches => Set<ImportBatch>();

    public DbSet<ImportJob> ImportJobs => Set<ImportJob>();

    public DbSet<ImportUndoWorker> ImportUndoWorkers => Set<ImportUndoWorker>();

    public DbSet<ImportUndoEmployment> ImportUndoEmployments => Set<ImportUndoEmployment>();

    public DbSet<ImportUndoMembership> ImportUndoMemberships => Set<ImportUndoMembership>();
    public DbSet<CoverageSnapshot> CoverageSnapshots => Set<CoverageSnapshot>();

    public DbSet<WorkingPopulation> WorkingPopulations => Set<WorkingPopulation>();

    public DbSet<CoverageThresholdSetting> CoverageThresholds => Set<CoverageThresholdSetting>();

    public DbSet<ReplaceLimitSetting> ReplaceLimits => Set<ReplaceLimitSetting>();

    public DbSet<LicenceRuleVersion> LicenceRules => Set<LicenceRuleVersion>();

    public DbSet<LicenceCheck> LicenceChecks => Set<LicenceCheck>();
    public DbSet<BranchOffice> BranchOffices => Set<BranchOffice>();
    public DbSet<ComplianceCertificate> ComplianceCertificates => Set<ComplianceCertificate>();

    public DbSet<BranchWorkingArea> BranchWorkingAreas => Set<BranchWorkingArea>();

    public DbSet<Contract> Contracts => Set<Contract>();

    public DbSet<ContractStage> ContractStages => Set<ContractStage>();

    public DbSet<ContractWorker> ContractWorkers => Set<ContractWorker>();

    public DbSet<PaymentGateCheck> PaymentGateChecks => Set<PaymentGateCheck>();

    public DbSet<VillageAssignment> VillageAssignments => Set<VillageAssignment>();

    public DbSet<VillageProfile> VillageProfiles => Set<VillageProfile>();

    public DbSet<Sponsor> Sponsors => Set<Sponsor>();

    public DbSet<Sponsorship> Sponsorships => Set<Sponsorship>();

    public DbSet<SponsoredMonth> SponsoredMonths => Set<SponsoredMonth>();

    public DbSet<WorkerGroup> WorkerGroups => Set<WorkerGroup>();

    public DbSet<GroupMember> GroupMembers => Set<GroupMember>();

    public DbSet<GroupKind> GroupKinds => Set<GroupKind>();

    public DbSet<FieldLead> FieldLeads => Set<FieldLead>();

    public DbSet<EnforcementCase> EnforcementCases => Set<EnforcementCase>();

    public DbSet<EnforcementStep> EnforcementSteps => Set<EnforcementStep>();

    public DbSet<EnforcementLetter> EnforcementLetters => Set<EnforcementLetter>();

    public DbSet<EnforcementStageSetting> EnforcementStageSettings => Set<EnforcementStageSetting>();

    public DbSet<EnforcementLetterTemplate> EnforcementLetterTemplates => Set<EnforcementLetterTemplate>();

    public DbSet<DayOff> DaysOff => Set<DayOff>();

    public DbSet<BenefitClaim> Claims => Set<BenefitClaim>();

    public DbSet<Ticket> Tickets => Set<Ticket>();

    public DbSet<TicketMessage> TicketMessages => Set<TicketMessage>();

    public DbSet<TicketAttachment> TicketAttachments => Set<TicketAttachment>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        IdentityConfiguration.Configure(builder);
        builder.ApplyConfiguration(new EnforcementCaseConfiguration());
        builder.ApplyConfiguration(new EnforcementStepConfiguration());
        builder.ApplyConfiguration(new EnforcementLetterConfiguration());
        builder.ApplyConfiguration(new EnforcementStageSettingConfiguration());
        builder.ApplyConfiguration(new EnforcementLetterTemplateConfiguration());
        builder.ApplyConfiguration(new DayOffConfiguration());
        builder.ApplyConfiguration(new BenefitClaimConfiguration());
        builder.ApplyConfiguration(new TicketConfiguration());
        builder.ApplyConfiguration(new TicketMessageConfiguration());
        builder.ApplyConfiguration(new TicketAttachmentConfiguration());
        builder.ApplyConfiguration(new AgencyConfiguration());
        builder.ApplyConfiguration(new EmployerConfiguration());
        builder.ApplyConfiguration(new WorkerConfiguration());
        builder.ApplyConfiguration(new EmploymentConfiguration());
        builder.ApplyConfiguration(new MembershipConfiguration());
        builder.ApplyConfiguration(new MembershipExtractConfiguration());
        builder.ApplyConfiguration(new CoverageTargetConfiguration());
        builder.ApplyConfiguration(new AuditEventConfiguration());
        builder.ApplyConfiguration(new ApiKeyConfiguration());
        builder.ApplyConfiguration(new ComplianceCertificateConfiguration());
        builder.ApplyConfiguration(new ReconciliationRunConfiguration());
        builder.ApplyConfiguration(new ReconciliationResultConfiguration());
        builder.ApplyConfiguration(new MatchDecisionConfiguration());
        builder.ApplyConfiguration(new ImportBatchConfiguration());
        builder.ApplyConfiguration(new ImportJobConfiguration());
        ImportUndoConfiguration.Configure(builder);
        builder.ApplyConfiguration(new CoverageSnapshotConfiguration());
        builder.ApplyConfiguration(new WorkingPopulationConfiguration());
        builder.ApplyConfiguration(new CoverageThresholdSettingConfiguration());
        builder.ApplyConfiguration(new ReplaceLimitSettingConfiguration());
        builder.ApplyConfiguration(new LicenceRuleVersionConfiguration());
        builder.ApplyConfiguration(new LicenceCheckConfiguration());
        builder.ApplyConfiguration(new BranchOfficeConfiguration());
        builder.ApplyConfiguration(new BranchWorkingAreaConfiguration());
        builder.ApplyConfiguration(new ContractConfiguration());
        builder.ApplyConfiguration(new ContractStageConfiguration());
        builder.ApplyConfiguration(new ContractWorkerConfiguration());
        builder.ApplyConfiguration(new PaymentGateCheckConfiguration());
        builder.ApplyConfiguration(new VillageAssignmentConfiguration());
        builder.ApplyConfiguration(new VillageProfileConfiguration());
        builder.ApplyConfiguration(new SponsorConfiguration());
        builder.ApplyConfiguration(new SponsorshipConfiguration());
        builder.ApplyConfiguration(new SponsoredMonthConfiguration());
        builder.ApplyConfiguration(new WorkerGroupConfiguration());
        builder.ApplyConfiguration(new GroupMemberConfiguration());
        builder.ApplyConfiguration(new GroupKindConfiguration());
        builder.ApplyConfiguration(new FieldLeadConfiguration());
        ModelConventions.Apply(builder);
    }
}
