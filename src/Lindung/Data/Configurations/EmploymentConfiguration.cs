using Lindung.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lindung.Data.Configurations;

internal sealed class EmploymentConfiguration : IEntityTypeConfiguration<Employment>
{
    public void Configure(EntityTypeBuilder<Employment> builder)
    {
        builder.ToTable("employments", t =>
        {
            t.HasCheckConstraint("ck_employments_agency_xor_employer", "(agency_id IS NULL) <> (employer_id IS NULL)");
            t.HasCheckConstraint("ck_employments_monthly_wage", "monthly_wage >= 0");
        });
        builder.Property(e => e.Position).HasMaxLength(200);
        builder.HasOne(e => e.Worker).WithMany().HasForeignKey(e => e.WorkerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.Agency).WithMany().HasForeignKey(e => e.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.Employer).WithMany().HasForeignKey(e => e.EmployerId).OnDelete(DeleteBehavior.Restrict);

        // The budget planner counts an agency's open staff per wage: this index answers it without reading the rows.
        builder.HasIndex(e => new { e.AgencyId, e.MonthlyWage, e.ValidFrom, e.ValidTo }).HasDatabaseName("ix_employments_agency_wage");
        // The agency page counts its roster per category and pages it in category order from this index
        // alone (validity, scope region and the worker to join are in it): 150,000 jobs in tens of ms.
        builder.HasIndex(e => new { e.AgencyId, e.Category, e.ValidFrom, e.ValidTo, e.RegionCode, e.WorkerId }).HasDatabaseName("ix_employments_agency_roster");
        // Nearly every job belongs to an agency, so employer_id is NULL in nearly every row: a full index
        // holds a million NULL entries nobody looks up, and SQLite's statistics count them as one
        // employer with a million jobs, which once made its planner scan every job for one employer's
        // (the compliance check carried an INDEXED BY hint for it). Indexing only the employers' jobs
        // keeps the index small and its statistics true; "employer_id = ?" implies the filter, so both
        // databases use it for any employer's jobs (EmployerJobsPlanTests).
        builder.HasIndex(e => e.EmployerId).HasDatabaseName("ix_employments_employer_id").HasFilter("employer_id IS NOT NULL");
        // One open job per worker and agency, held by the schema and not only by the import's code: a
        // second open row would count the worker twice on the agency page and in the budget. A new
        // version is opened after the old one is ended (ImportMergeSql), never before.
        // Declared, so that the filtered index below does not stand in for it: a worker's jobs (the scope
        // probes of every worker list) are looked up by worker whatever their validity.
        builder.HasIndex(e => e.WorkerId).HasDatabaseName("ix_employments_worker_id");
        builder.HasIndex(e => new { e.WorkerId, e.AgencyId }).IsUnique().HasDatabaseName("ux_employments_open_agency_job")
            .HasFilter("valid_to IS NULL AND agency_id IS NOT NULL");
    }
}
