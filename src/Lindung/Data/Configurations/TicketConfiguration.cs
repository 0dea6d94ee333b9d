using Lindung.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lindung.Data.Configurations;

internal sealed class TicketConfiguration : IEntityTypeConfiguration<Ticket>
{
    public void Configure(EntityTypeBuilder<Ticket> builder)
    {
        builder.ToTable("tickets", t =>
        {
            t.HasCheckConstraint("ck_tickets_satisfaction", "satisfaction IS NULL OR satisfaction BETWEEN 1 AND 5");
            t.HasCheckConstraint("ck_tickets_closed", "(status = 'CLOSED') = (closed_on IS NOT NULL)");
        });
        builder.Property(t => t.Number).HasMaxLength(40);
        builder.Property(t => t.Subject).HasMaxLength(200);
        builder.Property(t => t.OpenedBy).HasMaxLength(256);
        builder.Property(t => t.ClosedBy).HasMaxLength(256);
        builder.Property(t => t.SatisfactionNote).HasMaxLength(1000);
        builder.HasOne(t => t.Agency).WithMany().HasForeignKey(t => t.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => t.Number).IsUnique();
        builder.HasIndex(t => new { t.RegionCode, t.Status });
        builder.HasIndex(t => new { t.AgencyId, t.LastActivityAt });
    }
}

internal sealed class TicketMessageConfiguration : IEntityTypeConfiguration<TicketMessage>
{
    public void Configure(EntityTypeBuilder<TicketMessage> builder)
    {
        builder.ToTable("ticket_messages");
        builder.Property(m => m.By).HasMaxLength(256);
        builder.Property(m => m.Text).HasMaxLength(4000);
        builder.HasOne<Ticket>().WithMany().HasForeignKey(m => m.TicketId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.TicketId, m.At });
    }
}

internal sealed class TicketAttachmentConfiguration : IEntityTypeConfiguration<TicketAttachment>
{
    public void Configure(EntityTypeBuilder<TicketAttachment> builder)
    {
        builder.ToTable("ticket_attachments", t => t.HasCheckConstraint("ck_ticket_attachments_length", "length > 0"));
        builder.Property(a => a.FileName).HasMaxLength(200);
        builder.HasOne<Ticket>().WithMany().HasForeignKey(a => a.TicketId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<TicketMessage>().WithMany().HasForeignKey(a => a.MessageId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => a.MessageId);
        builder.HasIndex(a => a.TicketId);
    }
}
