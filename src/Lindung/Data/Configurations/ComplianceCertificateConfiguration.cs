using Lindung.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lindung.Data.Configurations;

internal sealed class ComplianceCertificateConfiguration : IEntityTypeConfiguration<ComplianceCertificate>
{
    public void Configure(EntityTypeBuilder<ComplianceCertificate> builder)
    {
        builder.ToTable("compliance_certificates");
        builder.Property(c => c.EmployerName).HasMaxLength(200);
        builder.Property(c => c.Npp).HasMaxLength(8);
        builder.Property(c => c.Nib).HasMaxLength(13);
        builder.Property(c => c.Npwp).HasMaxLength(16);
        builder.Property(c => c.IssuedBy).HasMaxLength(256);
        builder.Property(c => c.RevokedBy).HasMaxLength(256);
        builder.Property(c => c.RevokedReason).HasMaxLength(500);
        builder.Property(c => c.KeyId).HasMaxLength(64);
        builder.Property(c => c.Token).HasMaxLength(2048);
        builder.HasOne(c => c.Employer).WithMany().HasForeignKey(c => c.EmployerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.RegionCode, c.IssuedAt });
        builder.HasIndex(c => c.EmployerId);
    }
}
