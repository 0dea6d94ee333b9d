using Lindung.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lindung.Data.Configurations;

internal sealed class ImportBatchConfiguration : IEntityTypeConfiguration<ImportBatch>
{
    public void Configure(EntityTypeBuilder<ImportBatch> builder)
    {
        builder.ToTable("import_batches");
        builder.Property(x => x.FileName).HasMaxLength(260);
        builder.Property(x => x.Sha256).HasMaxLength(64).IsFixedLength();
        builder.Property(x => x.ImportedBy).HasMaxLength(256);
        builder.Property(x => x.UndoneBy).HasMaxLength(256);
        builder.HasIndex(x => x.Sha256);
        builder.HasIndex(x => x.ImportedAt);
        builder.HasOne(x => x.Agency).WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}
