using Lindung.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lindung.Data.Configurations;

internal sealed class BranchOfficeConfiguration : IEntityTypeConfiguration<BranchOffice>
{
    public void Configure(EntityTypeBuilder<BranchOffice> builder)
    {
        builder.ToTable("branch_offices");
        builder.Property(b => b.Code).HasMaxLength(32);
        builder.Property(b => b.Name).HasMaxLength(200);
        builder.HasIndex(b => b.Code).IsUnique();
    }
}

internal sealed class BranchWorkingAreaConfiguration : IEntityTypeConfiguration<BranchWorkingArea>
{
    public void Configure(EntityTypeBuilder<BranchWorkingArea> builder)
    {
        builder.ToTable("branch_working_areas", t =>
        {
            // A working area is made of whole regencies/cities (PP.KK), and a period is never empty.
            t.HasCheckConstraint("ck_branch_working_areas_regency", "LENGTH(region_code) = 5");
            t.HasCheckConstraint("ck_branch_working_areas_period", "valid_to IS NULL OR valid_to > valid_from");
        });
        builder.HasOne(w => w.Branch).WithMany(b => b.WorkingAreas).HasForeignKey(w => w.BranchId).OnDelete(DeleteBehavior.Restrict);
        // Closed periods may not overlap either; that rule needs a range exclusion the two databases
        // do not share, so the use case checks it. What the schema can say everywhere: a regency has
        // at most one open assignment.
        builder.HasIndex(w => w.RegionCode).IsUnique().HasFilter("valid_to IS NULL").HasDatabaseName("ux_branch_working_areas_region_open");
        builder.HasIndex(w => new { w.RegionCode, w.ValidFrom });
        builder.HasIndex(w => w.BranchId);
    }
}
