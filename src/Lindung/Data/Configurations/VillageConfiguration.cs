using Lindung.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lindung.Data.Configurations;

internal sealed class VillageAssignmentConfiguration : IEntityTypeConfiguration<VillageAssignment>
{
    public void Configure(EntityTypeBuilder<VillageAssignment> builder)
    {
        builder.ToTable("village_assignments", t =>
        {
            t.HasCheckConstraint("ck_village_assignments_village", "LENGTH(village_code) = 13");
            t.HasCheckConstraint("ck_village_assignments_regency", "LENGTH(region_code) = 5");
            t.HasCheckConstraint("ck_village_assignments_period", "valid_to IS NULL OR valid_to > valid_from");
        });
        builder.Property(a => a.VillageCode).HasMaxLength(13);
        builder.Property(a => a.RegionCode).HasMaxLength(5);
        builder.HasOne(a => a.Agency).WithMany().HasForeignKey(a => a.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.AgencyId, a.VillageCode }).IsUnique().HasFilter("valid_to IS NULL").HasDatabaseName("ux_village_assignments_open");
        builder.HasIndex(a => new { a.VillageCode, a.ValidFrom });
        builder.HasIndex(a => new { a.RegionCode, a.ValidFrom });
    }
}

internal sealed class VillageProfileConfiguration : IEntityTypeConfiguration<VillageProfile>
{
    public void Configure(EntityTypeBuilder<VillageProfile> builder)
    {
        builder.ToTable("village_profiles", t =>
        {
            t.HasCheckConstraint("ck_village_profiles_population", "working_age_population IS NULL OR working_age_population >= 0");
        });
        builder.HasKey(p => p.VillageCode);
        builder.Property(p => p.VillageCode).HasMaxLength(13);
        builder.Property(p => p.RegionCode).HasMaxLength(5);
        builder.HasIndex(p => p.RegionCode);
    }
}
