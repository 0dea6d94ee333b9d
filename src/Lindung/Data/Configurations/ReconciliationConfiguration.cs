using Lindung.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lindung.Data.Configurations;

internal sealed class ReconciliationRunConfiguration : IEntityTypeConfiguration<ReconciliationRun>
{
    public void Configure(EntityTypeBuilder<ReconciliationRun> builder)
    {
        builder.ToTable("reconciliation_runs");
        builder.Property(r => r.StartedBy).HasMaxLength(256);
        builder.Property(r => r.Phase).HasMaxLength(40);
        builder.Property(r => r.Error).HasMaxLength(1000);
        builder.HasIndex(r => r.Status);
        builder.HasOne(r => r.Agency).WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.RegionCode, r.StartedAt });
    }
}

internal sealed class ReconciliationResultConfiguration : IEntityTypeConfiguration<ReconciliationResult>
{
    public void Configure(EntityTypeBuilder<ReconciliationResult> builder)
    {
        builder.ToTable("reconciliation_results");
        builder.Property(r => r.Kpj).HasMaxLength(11);
        builder.Property(r => r.Candidates).HasMaxLength(200);
        builder.HasOne(r => r.Run).WithMany().HasForeignKey(r => r.RunId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.Worker).WithMany().HasForeignKey(r => r.WorkerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.RunId, r.AgencyId, r.Outcome });
    }
}

internal sealed class MatchDecisionConfiguration : IEntityTypeConfiguration<MatchDecision>
{
    public void Configure(EntityTypeBuilder<MatchDecision> builder)
    {
        builder.ToTable("match_decisions");
        builder.Property(d => d.RosterNik).HasMaxLength(16);
        builder.Property(d => d.Kpj).HasMaxLength(11);
        builder.Property(d => d.DecidedBy).HasMaxLength(256);
        builder.HasIndex(d => new { d.RosterNik, d.Kpj }).IsUnique();
    }
}
