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

        // Exactly one of the two is set, so each index skips the rows of the other kind: a roster
        // import (agency jobs, no employer) then writes no entry in the employer index at all.
        builder.HasIndex(e => e.AgencyId).HasFilter("agency_id IS NOT NULL");
        builder.HasIndex(e => e.EmployerId).HasFilter("employer_id IS NOT NULL");
    }
}
