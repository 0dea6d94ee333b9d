using Lindung.Data.Entities;
using Lindung.Domain.Claims;
using Lindung.Domain.Enforcement;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lindung.Data.Configurations;

internal sealed class EnforcementCaseConfiguration : IEntityTypeConfiguration<EnforcementCase>
{
    public void Configure(EntityTypeBuilder<EnforcementCase> builder)
    {
        builder.ToTable("enforcement_cases", t =>
        {
            t.HasCheckConstraint("ck_enforcement_cases_recovered", "amount_recovered >= 0");
            t.HasCheckConstraint("ck_enforcement_cases_closed", "(outcome IS NULL) = (closed_on IS NULL)");
        });
        builder.Property(c => c.Number).HasMaxLength(40);
        builder.Property(c => c.Npp).HasMaxLength(8);
        builder.Property(c => c.Violations).HasMaxLength(120);
        builder.Property(c => c.ProsecutorRegion).HasMaxLength(5);
        builder.Property(c => c.SkkNumber).HasMaxLength(100);
        builder.Property(c => c.StateAttorney).HasMaxLength(200);
        builder.Property(c => c.OpenedBy).HasMaxLength(256);
        builder.Property(c => c.RegionCode).HasMaxLength(5);
        builder.Ignore(c => c.IsOpen);
        builder.HasOne(c => c.Employer).WithMany().HasForeignKey(c => c.EmployerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.Number).IsUnique();
        builder.HasIndex(c => new { c.RegionCode, c.Stage });
        builder.HasIndex(c => c.ProsecutorRegion);

        // One open case per employer: a second finding is added to the case already running.
        builder.HasIndex(c => c.EmployerId).IsUnique().HasFilter("outcome IS NULL").HasDatabaseName("ux_enforcement_cases_employer_open");
    }
}

internal sealed class EnforcementStepConfiguration : IEntityTypeConfiguration<EnforcementStep>
{
    public void Configure(EntityTypeBuilder<EnforcementStep> builder)
    {
        builder.ToTable("enforcement_steps", t => t.HasCheckConstraint("ck_enforcement_steps_amount", "amount IS NULL OR amount >= 0"));
        builder.Property(s => s.By).HasMaxLength(256);
        builder.Property(s => s.Note).HasMaxLength(2000);
        builder.Property(s => s.RegionCode).HasMaxLength(5);
        builder.HasOne<EnforcementCase>().WithMany().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.CaseId, s.At });
        builder.HasIndex(s => new { s.RegionCode, s.On });
    }
}

internal sealed class EnforcementLetterConfiguration : IEntityTypeConfiguration<EnforcementLetter>
{
    public void Configure(EntityTypeBuilder<EnforcementLetter> builder)
    {
        builder.ToTable("enforcement_letters");
        builder.Property(l => l.Number).HasMaxLength(60);
        builder.Property(l => l.IssuedBy).HasMaxLength(256);
        builder.Property(l => l.RegionCode).HasMaxLength(5);
        builder.HasOne<EnforcementCase>().WithMany().HasForeignKey(l => l.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => l.CaseId);

        // Numbers are given out per region, kind and year; the index makes a race a retry, not a duplicate.
        builder.HasIndex(l => new { l.RegionCode, l.Kind, l.Year, l.Sequence }).IsUnique();
    }
}

internal sealed class EnforcementStageSettingConfiguration : IEntityTypeConfiguration<EnforcementStageSetting>
{
    public void Configure(EntityTypeBuilder<EnforcementStageSetting> builder)
    {
        builder.ToTable("enforcement_stage_settings", t =>
        {
            t.HasCheckConstraint("ck_enforcement_stage_settings_days", "(working_days IS NULL OR working_days BETWEEN 0 AND 365) AND (calendar_days IS NULL OR calendar_days BETWEEN 0 AND 365)");
            t.HasCheckConstraint("ck_enforcement_stage_settings_rate", "fine_rate_per_month IS NULL OR (fine_rate_per_month >= 0 AND fine_rate_per_month <= 1)");
        });
        builder.Property(s => s.LegalBasis).HasMaxLength(300);
        builder.Property(s => s.AppliesTo).HasMaxLength(5);
        builder.Property(s => s.FineRatePerMonth).HasPrecision(9, 6);
        builder.HasIndex(s => new { s.AppliesTo, s.Stage }).IsUnique();
    }
}

internal sealed class EnforcementLetterTemplateConfiguration : IEntityTypeConfiguration<EnforcementLetterTemplate>
{
    public void Configure(EntityTypeBuilder<EnforcementLetterTemplate> builder)
    {
        builder.ToTable("enforcement_letter_templates", t =>
        {
            // A regency's wording (PP.KK), and a version is never empty.
            t.HasCheckConstraint("ck_enforcement_letter_templates_regency", "LENGTH(region_code) = 5");
            t.HasCheckConstraint("ck_enforcement_letter_templates_period", "valid_to IS NULL OR valid_to > valid_from");
        });
        builder.Property(t => t.Subject).HasMaxLength(LetterTemplate.SubjectMax);
        builder.Property(t => t.Addressee).HasMaxLength(LetterTemplate.AddresseeLinesMax * (LetterTemplate.LineMax + 1));
        builder.Property(t => t.Paragraphs).HasMaxLength(LetterTemplate.ParagraphsMax * (LetterTemplate.ParagraphMax + 1));
        builder.Property(t => t.Signatory).HasMaxLength(LetterTemplate.SignatoryMax);

        // One version per kind and first day, and one open version per kind: the wording in force on a day is never ambiguous.
        builder.HasIndex(t => new { t.RegionCode, t.Kind, t.ValidFrom }).IsUnique();
        builder.HasIndex(t => new { t.RegionCode, t.Kind }).IsUnique().HasFilter("valid_to IS NULL").HasDatabaseName("ux_enforcement_letter_templates_open");
    }
}

/// <summary>
/// National holidays and joint leave as published by the SKB 3 Menteri; admins add later years and
/// their regions' own days off. Seed ids are derived from the date so the rows are stable across migrations.
/// </summary>
internal sealed class DayOffConfiguration : IEntityTypeConfiguration<DayOff>
{
    public void Configure(EntityTypeBuilder<DayOff> builder)
    {
        builder.ToTable("days_off");
        builder.Property(d => d.Name).HasMaxLength(200);
        builder.Property(d => d.AppliesTo).HasMaxLength(5);
        builder.HasIndex(d => new { d.AppliesTo, d.Date }).IsUnique();
        builder.HasIndex(d => d.Date);
        builder.HasData(NationalDaysOff.Seed);
    }
}

internal sealed class BenefitClaimConfiguration : IEntityTypeConfiguration<BenefitClaim>
{
    public void Configure(EntityTypeBuilder<BenefitClaim> builder)
    {
        builder.ToTable("claims", t =>
        {
            t.HasCheckConstraint("ck_claims_amounts", "(paid_amount IS NULL OR paid_amount >= 0) AND (liability IS NULL OR liability >= 0)");
            t.HasCheckConstraint("ck_claims_paid", "(status = 'PAID') = (paid_on IS NOT NULL)");
        });
        builder.Property(c => c.RecordedBy).HasMaxLength(256);
        builder.Property(c => c.RegionCode).HasMaxLength(5);
        builder.Property(c => c.ClaimNumber).HasMaxLength(ClaimColumns.NumberMax);
        builder.HasOne(c => c.Worker).WithMany().HasForeignKey(c => c.WorkerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.RegionCode, c.Status });
        builder.HasIndex(c => c.WorkerId);
        builder.HasIndex(c => c.AgencyId);
        builder.HasIndex(c => new { c.RegionCode, c.ClaimNumber }).IsUnique().HasFilter("claim_number IS NOT NULL").HasDatabaseName("ux_claims_region_claim_number");
    }
}
