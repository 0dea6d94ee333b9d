using Lindung.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lindung.Data.Configurations;

internal sealed class EmployerConfiguration : IEntityTypeConfiguration<Employer>
{
    public void Configure(EntityTypeBuilder<Employer> builder)
    {
        builder.ToTable("employers", t => t.HasCheckConstraint("ck_employers_jkk_risk_group", "jkk_risk_group BETWEEN 1 AND 5"));
        builder.Property(e => e.Name).HasMaxLength(200);
        builder.Property(e => e.Nib).HasMaxLength(13);
        builder.Property(e => e.Npwp).HasMaxLength(16);
        builder.Property(e => e.Npp).HasMaxLength(8);
        builder.Property(e => e.Sector).HasMaxLength(100);
        // NULLs are distinct in a unique index on both SQLite and PostgreSQL: unique when present.
        builder.HasIndex(e => e.Npp).IsUnique();
        builder.HasIndex(e => e.Nib);
    }
}
