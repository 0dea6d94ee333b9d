using Lindung.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lindung.Data.Configurations;

internal sealed class MembershipExtractConfiguration : IEntityTypeConfiguration<MembershipExtract>
{
    public void Configure(EntityTypeBuilder<MembershipExtract> builder)
    {
        builder.ToTable("membership_extracts");
        builder.Property(x => x.FileName).HasMaxLength(260);
        builder.Property(x => x.Sha256).HasMaxLength(64).IsFixedLength();
        builder.Property(x => x.LoadedBy).HasMaxLength(256);
        builder.HasIndex(x => x.Sha256);
    }
}
