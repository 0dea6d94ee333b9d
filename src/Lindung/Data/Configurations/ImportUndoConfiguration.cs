using Lindung.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Data.Configurations;

/// <summary>
/// The undo journal of imports. Keyed by batch then row (what an undo reads); the row index finds
/// a later batch that touched the same row. No foreign key to the batch: the batch row is written
/// after the merge that journals, in the same transaction.
/// </summary>
internal static class ImportUndoConfiguration
{
    public static void Configure(ModelBuilder builder)
    {
        var workers = builder.Entity<ImportUndoWorker>();
        workers.ToTable("import_undo_workers");
        workers.HasKey(u => new { u.BatchId, u.WorkerId });
        workers.HasIndex(u => u.WorkerId);

        var employments = builder.Entity<ImportUndoEmployment>();
        employments.ToTable("import_undo_employments");
        employments.HasKey(u => new { u.BatchId, u.EmploymentId });
        employments.HasIndex(u => u.EmploymentId);

        var memberships = builder.Entity<ImportUndoMembership>();
        memberships.ToTable("import_undo_memberships");
        memberships.HasKey(u => new { u.BatchId, u.MembershipId });
        memberships.HasIndex(u => u.MembershipId);
    }
}
