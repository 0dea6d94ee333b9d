using Lindung.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lindung.Data.Configurations;

internal sealed class CoverageSnapshotConfiguration : IEntityTypeConfiguration<CoverageSnapshot>
{
    public void Configure(EntityTypeBuilder<CoverageSnapshot> builder)
    {
        builder.ToTable("coverage_snapshots");
        builder.Property(s => s.Key).HasMaxLength(40);
        // Pages read one month (or a range for the trend) at a time; an agency's page its own rows by key.
        builder.HasIndex(s => new { s.Month, s.Dimension, s.Key });
    }
}

internal sealed class WorkingPopulationConfiguration : IEntityTypeConfiguration<WorkingPopulation>
{
    public void Configure(EntityTypeBuilder<WorkingPopulation> builder)
    {
        builder.ToTable("working_populations", t => t.HasCheckConstraint("ck_working_populations_population", "population >= 0"));
        builder.Property(p => p.Source).HasMaxLength(200);
        builder.HasIndex(p => new { p.RegionCode, p.Year }).IsUnique();
    }
}

internal sealed class CoverageThresholdSettingConfiguration : IEntityTypeConfiguration<CoverageThresholdSetting>
{
    public void Configure(EntityTypeBuilder<CoverageThresholdSetting> builder)
    {
        builder.ToTable("coverage_thresholds", t => t.HasCheckConstraint(
            "ck_coverage_thresholds_order", "yellow_basis_points_of_target > 0 AND green_basis_points_of_target >= yellow_basis_points_of_target"));
        builder.HasIndex(s => s.RegionCode).IsUnique();
    }
}

internal sealed class ReplaceLimitSettingConfiguration : IEntityTypeConfiguration<ReplaceLimitSetting>
{
    public void Configure(EntityTypeBuilder<ReplaceLimitSetting> builder)
    {
        builder.ToTable("replace_limit_settings", t => t.HasCheckConstraint(
            "ck_replace_limit_settings_percent", "end_limit_percent >= 0 AND end_limit_percent <= 100"));
        builder.HasIndex(s => s.RegionCode).IsUnique();
    }
}
