using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Lindung.Data;

/// <summary>
/// A <see cref="SaveChangesInterceptor"/> reduced to three hooks, so each interceptor states what it
/// does before a save, after it succeeded and after it failed, whether the save was sync or async.
/// Interceptors are singletons shared by every pooled context: what a hook notes before a save is
/// kept per context (<typeparamref name="TState"/>) until that save ends, never in a field.
/// </summary>
internal abstract class SaveHooks<TState> : SaveChangesInterceptor
    where TState : class
{
    private readonly ConditionalWeakTable<DbContext, TState> _inFlight = [];

    /// <summary>What to remember about the save about to run; null when there is nothing to do after it.</summary>
    protected abstract TState? BeforeSave(DbContext context);

    protected abstract void AfterSave(TState state);

    protected virtual void AfterFailure(DbContext context, TState state)
    {
    }

    public sealed override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Begin(eventData.Context);
        return result;
    }

    public sealed override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Begin(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public sealed override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Succeed(eventData.Context);
        return result;
    }

    public sealed override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Succeed(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public sealed override void SaveChangesFailed(DbContextErrorEventData eventData) => Fail(eventData.Context);

    public sealed override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Fail(eventData.Context);
        return Task.CompletedTask;
    }

    private void Begin(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        if (BeforeSave(context) is { } state)
        {
            _inFlight.AddOrUpdate(context, state);
        }
        else
        {
            _inFlight.Remove(context);
        }
    }

    private void Succeed(DbContext? context)
    {
        if (context is not null && _inFlight.TryGetValue(context, out var state))
        {
            _inFlight.Remove(context);
            AfterSave(state);
        }
    }

    private void Fail(DbContext? context)
    {
        if (context is not null && _inFlight.TryGetValue(context, out var state))
        {
            _inFlight.Remove(context);
            AfterFailure(context, state);
        }
    }
}
