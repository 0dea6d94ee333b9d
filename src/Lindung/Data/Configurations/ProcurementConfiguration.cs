using Lindung.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lindung.Data.Configurations;

internal sealed class ContractConfiguration : IEntityTypeConfiguration<Contract>
{
    public void Configure(EntityTypeBuilder<Contract> builder)
    {
        builder.ToTable("contracts", t =>
        {
            t.HasCheckConstraint("ck_contracts_value", "value >= 0");
            t.HasCheckConstraint("ck_contracts_period", "end_date >= start_date");
        });
        builder.Property(c => c.Number).HasMaxLength(100);
        builder.Property(c => c.CommitmentOfficer).HasMaxLength(200);
        builder.Property(c => c.LocationCode).HasMaxLength(13);
        builder.Property(c => c.JakonRegistrationNumber).HasMaxLength(64);
        builder.Property(c => c.CreatedBy).HasMaxLength(256);
        builder.HasOne(c => c.Agency).WithMany().HasForeignKey(c => c.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Contractor).WithMany().HasForeignKey(c => c.ContractorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Stages).WithOne().HasForeignKey(s => s.ContractId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Workers).WithOne().HasForeignKey(w => w.ContractId).OnDelete(DeleteBehavior.Cascade);
        // A contract number is the agency's own: unique within it, and how clerks look one up.
        builder.HasIndex(c => new { c.AgencyId, c.Number }).IsUnique();
        builder.HasIndex(c => new { c.RegionCode, c.StartDate });
    }
}

internal sealed class ContractStageConfiguration : IEntityTypeConfiguration<ContractStage>
{
    public void Configure(EntityTypeBuilder<ContractStage> builder)
    {
        builder.ToTable("contract_stages");
        builder.HasIndex(s => new { s.ContractId, s.Number }).IsUnique();
    }
}

internal sealed class ContractWorkerConfiguration : IEntityTypeConfiguration<ContractWorker>
{
    public void Configure(EntityTypeBuilder<ContractWorker> builder)
    {
        builder.ToTable("contract_workers");
        builder.Property(w => w.Nik).HasMaxLength(16);
        builder.HasIndex(w => new { w.ContractId, w.Nik }).IsUnique();
    }
}

internal sealed class PaymentGateCheckConfiguration : IEntityTypeConfiguration<PaymentGateCheck>
{
    public void Configure(EntityTypeBuilder<PaymentGateCheck> builder)
    {
        builder.ToTable("payment_gate_checks");
        builder.Property(c => c.AskedBy).HasMaxLength(256);
        builder.HasOne<Contract>().WithMany().HasForeignKey(c => c.ContractId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.RegionCode, c.AskedAt });
        builder.HasIndex(c => new { c.ContractId, c.AskedAt });
    }
}
