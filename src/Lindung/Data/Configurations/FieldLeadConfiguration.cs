using Lindung.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lindung.Data.Configurations;

internal sealed class FieldLeadConfiguration : IEntityTypeConfiguration<FieldLead>
{
    public void Configure(EntityTypeBuilder<FieldLead> builder)
    {
        builder.ToTable("field_leads", t => t.HasCheckConstraint("ck_field_leads_village", "LENGTH(region_code) = 13"));
        builder.Property(l => l.Nik).HasMaxLength(16);
        builder.Property(l => l.Name).HasMaxLength(200);
        builder.Property(l => l.Occupation).HasMaxLength(200);
        builder.Property(l => l.Phone).HasMaxLength(20);
        builder.Property(l => l.CapturedBy).HasMaxLength(256);
        builder.HasOne(l => l.Worker).WithMany().HasForeignKey(l => l.WorkerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => l.Nik).IsUnique();
        builder.HasIndex(l => l.CaptureId).IsUnique();
        builder.HasIndex(l => new { l.RegionCode, l.Stage });
    }
}
