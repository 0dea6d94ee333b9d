using Lindung.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lindung.Data.Configurations;

internal sealed class SponsorConfiguration : IEntityTypeConfiguration<Sponsor>
{
    public void Configure(EntityTypeBuilder<Sponsor> builder)
    {
        builder.ToTable("sponsors");
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.AccountEmail).HasMaxLength(256);
        builder.HasIndex(s => s.AccountEmail);
    }
}

internal sealed class SponsorshipConfiguration : IEntityTypeConfiguration<Sponsorship>
{
    public void Configure(EntityTypeBuilder<Sponsorship> builder)
    {
        builder.ToTable("sponsorships", t =>
        {
            t.HasCheckConstraint("ck_sponsorships_months", "months > 0 AND months <= 120");
            t.HasCheckConstraint("ck_sponsorships_income", "monthly_income > 0");
        });
        builder.Property(s => s.Programs).HasMaxLength(40);
        builder.Property(s => s.RegionCode).HasMaxLength(5);
        builder.Ignore(s => s.EndsOn);
        builder.HasOne(s => s.Sponsor).WithMany().HasForeignKey(s => s.SponsorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.Worker).WithMany().HasForeignKey(s => s.WorkerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.SponsorId, s.FirstMonth });
        builder.HasIndex(s => new { s.WorkerId, s.FirstMonth });
    }
}

internal sealed class SponsoredMonthConfiguration : IEntityTypeConfiguration<SponsoredMonth>
{
    public void Configure(EntityTypeBuilder<SponsoredMonth> builder)
    {
        builder.ToTable("sponsored_months", t => t.HasCheckConstraint("ck_sponsored_months_amount", "amount >= 0"));
        builder.Property(s => s.RegionCode).HasMaxLength(5);
        builder.HasOne(s => s.Sponsorship).WithMany().HasForeignKey(s => s.SponsorshipId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.SponsorshipId, s.Month }).IsUnique();
        builder.HasIndex(s => new { s.SponsorId, s.Month });
    }
}
