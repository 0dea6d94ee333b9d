using Lindung.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lindung.Data.Configurations;

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> builder)
    {
        builder.ToTable("memberships", t => t.HasCheckConstraint("ck_memberships_reported_wage", "reported_wage >= 0"));
        builder.Property(m => m.Kpj).HasMaxLength(11);
        builder.Property(m => m.EmployerNpp).HasMaxLength(8);
        // One open version per card; closed versions are history.
        builder.HasIndex(m => m.Kpj).IsUnique().HasFilter("valid_to IS NULL").HasDatabaseName("ux_memberships_kpj_open");
        builder.HasIndex(m => m.EmployerNpp);
        builder.HasOne(m => m.Worker).WithMany().HasForeignKey(m => m.WorkerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(m => m.SourceExtract).WithMany().HasForeignKey(m => m.SourceExtractId).OnDelete(DeleteBehavior.Restrict);
    }
}
