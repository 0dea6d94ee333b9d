using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Lindung.Data;

/// <summary>
/// A <see cref="SaveChangesInterceptor"/> reduced to three hooks, so each interceptor states what it
/// does before a save, after it succeeded and after it failed once, whether the save was sync or async.
/// </summary>
internal abstract class SaveHooks : SaveChangesInterceptor
{
    protected abstract void BeforeSave(DbContext? context);

    protected abstract void AfterSave();

    protected virtual void AfterFailure(DbContext? context)
    {
    }

    public sealed override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        BeforeSave(eventData.Context);
        return result;
    }

    public sealed override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        BeforeSave(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public sealed override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        AfterSave();
        return result;
    }

    public sealed override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        AfterSave();
        return ValueTask.FromResult(result);
    }

    public sealed override void SaveChangesFailed(DbContextErrorEventData eventData) => AfterFailure(eventData.Context);

    public sealed override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        AfterFailure(eventData.Context);
        return Task.CompletedTask;
    }
}
