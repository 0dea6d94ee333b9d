using Lindung.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Data;

/// <summary>Told after a save changed rows that figures derived from the registry (coverage snapshots) are computed from.</summary>
internal interface IRegistryChangeSink
{
    void RegistryChanged();
}

/// <summary>
/// Notes, before a save, whether it touches a table the coverage figures read (workers, jobs,
/// memberships, agencies, employers, reconciliations), and tells the sinks once it committed, so an
/// edit through any page or API is reflected without each of them remembering to say so. Bulk
/// imports bypass the change tracker; their callers refresh themselves.
/// </summary>
internal sealed class RegistryChangeInterceptor(IEnumerable<IRegistryChangeSink> sinks) : SaveHooks<object>
{
    private static readonly HashSet<Type> Watched =
        [typeof(Worker), typeof(Employment), typeof(Membership), typeof(Agency), typeof(Employer), typeof(ReconciliationRun)];

    private static readonly object Touched = new();

    protected override object? BeforeSave(DbContext context) =>
        context.ChangeTracker.Entries().Any(e =>
            e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && Watched.Contains(e.Metadata.ClrType))
            ? Touched
            : null;

    protected override void AfterSave(object state)
    {
        foreach (var sink in sinks)
        {
            sink.RegistryChanged();
        }
    }
}
