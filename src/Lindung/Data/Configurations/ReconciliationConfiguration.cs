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
        // A run's rows of one agency by outcome, and — with the columns a gap is priced on and the scope's region —
        // the gap totals of every agency from the index alone (the action ranking, the gap list header), not
        // from a million table rows.
        builder.HasIndex(r => new { r.RunId, r.AgencyId, r.Outcome, r.WageUnderreported, r.ProgramMissing, r.RosterWage, r.ReportedWage, r.MemberPrograms, r.RegionCode })
            .HasDatabaseName("ix_reconciliation_results_run_agency_gap");
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
