using Lindung.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lindung.Data.Configurations;

internal sealed class ImportJobConfiguration : IEntityTypeConfiguration<ImportJob>
{
    public void Configure(EntityTypeBuilder<ImportJob> builder)
    {
        builder.ToTable("import_jobs");
        builder.Property(j => j.OriginalFileName).HasMaxLength(260);
        builder.Property(j => j.StoredPath).HasMaxLength(400);
        builder.Property(j => j.Sheet).HasMaxLength(100);
        builder.Property(j => j.Phase).HasMaxLength(40);
        builder.Property(j => j.CreatedBy).HasMaxLength(256);
        builder.Property(j => j.ReportCsvPath).HasMaxLength(400);
        builder.Property(j => j.ReportXlsxPath).HasMaxLength(400);
        builder.Property(j => j.Error).HasMaxLength(1000);
        builder.Property(j => j.ConfirmedPlan).HasMaxLength(64);
        builder.HasIndex(j => j.Status);
        builder.HasIndex(j => new { j.AgencyId, j.CreatedAt });
        builder.HasOne(j => j.Agency).WithMany().HasForeignKey(j => j.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}
