using Lindung.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lindung.Data.Configurations;

internal sealed class WorkerGroupConfiguration : IEntityTypeConfiguration<WorkerGroup>
{
    public void Configure(EntityTypeBuilder<WorkerGroup> builder)
    {
        builder.ToTable("worker_groups");
        builder.Property(g => g.Name).HasMaxLength(200);
        builder.Property(g => g.KindCode).HasMaxLength(40);
        builder.Property(g => g.VillageCode).HasMaxLength(13);
        builder.HasOne(g => g.Agency).WithMany().HasForeignKey(g => g.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<GroupKind>().WithMany().HasForeignKey(g => g.KindCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(g => new { g.AgencyId, g.Name }).IsUnique();
    }
}

internal sealed class GroupMemberConfiguration : IEntityTypeConfiguration<GroupMember>
{
    public void Configure(EntityTypeBuilder<GroupMember> builder)
    {
        builder.ToTable("group_members", t => t.HasCheckConstraint("ck_group_members_income", "monthly_income IS NULL OR monthly_income > 0"));
        builder.Property(m => m.Occupation).HasMaxLength(200);
        builder.HasOne(m => m.Group).WithMany().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.Worker).WithMany().HasForeignKey(m => m.WorkerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.GroupId, m.WorkerId }).IsUnique();
        builder.HasIndex(m => m.WorkerId);
    }
}

/// <summary>The kinds the programme names (seed 000, 003, 004); an installation adds its own rows.</summary>
internal sealed class GroupKindConfiguration : IEntityTypeConfiguration<GroupKind>
{
    public void Configure(EntityTypeBuilder<GroupKind> builder)
    {
        builder.ToTable("group_kinds");
        builder.HasKey(k => k.Code);
        builder.Property(k => k.Code).HasMaxLength(40);
        builder.Property(k => k.NameId).HasMaxLength(100);
        builder.Property(k => k.NameEn).HasMaxLength(100);
        builder.HasData(
            new GroupKind { Code = "kelompok_tani", NameId = "Kelompok tani", NameEn = "Farmers' group" },
            new GroupKind { Code = "nelayan", NameId = "Kelompok nelayan", NameEn = "Fishers' group" },
            new GroupKind { Code = "tagana", NameId = "Tagana (taruna siaga bencana)", NameEn = "Tagana disaster volunteers" },
            new GroupKind { Code = "tokoh_agama", NameId = "Tokoh agama", NameEn = "Religious leaders" },
            new GroupKind { Code = "guru_ngaji", NameId = "Guru ngaji", NameEn = "Quran teachers" },
            new GroupKind { Code = "marbot", NameId = "Marbot / penjaga rumah ibadah", NameEn = "Place-of-worship caretakers" },
            new GroupKind { Code = "rt_rw", NameId = "Ketua RT/RW", NameEn = "Neighbourhood heads (RT/RW)" },
            new GroupKind { Code = "kader_posyandu", NameId = "Kader posyandu", NameEn = "Community health volunteers" },
            new GroupKind { Code = "linmas", NameId = "Linmas", NameEn = "Community protection (Linmas)" },
            new GroupKind { Code = "pedagang_pasar", NameId = "Pedagang pasar", NameEn = "Market traders" },
            new GroupKind { Code = "ojek", NameId = "Ojek / pengemudi", NameEn = "Ojek and drivers" },
            new GroupKind { Code = "lainnya", NameId = "Lainnya", NameEn = "Other" });
    }
}
