using Lindung.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lindung.Data.Configurations;

internal sealed class WorkerConfiguration : IEntityTypeConfiguration<Worker>
{
    public void Configure(EntityTypeBuilder<Worker> builder)
    {
        builder.ToTable("workers");
        builder.Property(w => w.Nik).HasMaxLength(16);
        builder.Property(w => w.Name).HasMaxLength(200);
        builder.Property(w => w.Phone).HasMaxLength(20);
        builder.Property(w => w.Nationality).HasMaxLength(3);
        builder.Property(w => w.TravelDocument).HasMaxLength(Lindung.Domain.Identifiers.ForeignIdentity.MaxDocumentLength);
        builder.HasIndex(w => w.Nik).IsUnique();

        // Lists page by name with keyset cursors (name, id): the index answers any page without a
        // sort, and carries every column a list shows and its scope test reads (WorkerListRow), so
        // a page never leaves the index.
        builder.HasIndex(w => new { w.Name, w.Id, w.RegionCode, w.Nik, w.Scheme }).HasDatabaseName("ix_workers_list");
    }
}
