using Lindung.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lindung.Data.Configurations;

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> builder)
    {
        builder.ToTable("agencies");
        builder.Property(a => a.Code).HasMaxLength(32);
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.Property(a => a.Institution).HasMaxLength(200);
        builder.HasIndex(a => new { a.RegionCode, a.Code }).IsUnique();
        builder.HasOne(a => a.ParentAgency).WithMany().HasForeignKey(a => a.ParentAgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}
