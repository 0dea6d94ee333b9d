using Lindung.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lindung.Data.Configurations;

internal sealed class CoverageTargetConfiguration : IEntityTypeConfiguration<CoverageTarget>
{
    public void Configure(EntityTypeBuilder<CoverageTarget> builder)
    {
        builder.ToTable("coverage_targets", t =>
            t.HasCheckConstraint("ck_coverage_targets_basis_points", "target_basis_points BETWEEN 0 AND 10000"));
        builder.HasOne(c => c.Agency).WithMany().HasForeignKey(c => c.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.RegionCode, c.Year, c.AgencyId });
    }
}
