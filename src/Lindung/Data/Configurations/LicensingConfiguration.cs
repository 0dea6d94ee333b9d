using Lindung.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lindung.Data.Configurations;

internal sealed class LicenceRuleVersionConfiguration : IEntityTypeConfiguration<LicenceRuleVersion>
{
    public void Configure(EntityTypeBuilder<LicenceRuleVersion> builder)
    {
        builder.ToTable("licence_rules");
        builder.Property(r => r.LicenceType).HasMaxLength(32);
        builder.Property(r => r.NameId).HasMaxLength(200);
        builder.Property(r => r.NameEn).HasMaxLength(200);
        builder.Property(r => r.Outcomes).HasMaxLength(200);
        builder.Property(r => r.LegalBasis).HasMaxLength(1000);
        builder.Property(r => r.Source).HasMaxLength(256);
        // One version per type, region and first day: a second one would make the rule in force ambiguous.
        builder.HasIndex(r => new { r.RegionCode, r.LicenceType, r.EffectiveFrom }).IsUnique();
    }
}

internal sealed class LicenceCheckConfiguration : IEntityTypeConfiguration<LicenceCheck>
{
    public void Configure(EntityTypeBuilder<LicenceCheck> builder)
    {
        builder.ToTable("licence_checks");
        builder.Property(c => c.ApplicationNumber).HasMaxLength(64);
        builder.Property(c => c.LicenceType).HasMaxLength(32);
        builder.Property(c => c.Identifier).HasMaxLength(16);
        builder.Property(c => c.NikMasked).HasMaxLength(16);
        builder.Property(c => c.EmployerName).HasMaxLength(200);
        builder.Property(c => c.AskedBy).HasMaxLength(256);
        builder.HasOne(c => c.Rule).WithMany().HasForeignKey(c => c.RuleId).OnDelete(DeleteBehavior.Restrict);
        // Lists are newest first within the caller's regions; an application's checks are looked up by its number.
        builder.HasIndex(c => new { c.RegionCode, c.AskedAt });
        builder.HasIndex(c => new { c.RegionCode, c.ApplicationNumber });
    }
}
