using System.Collections.Concurrent;
using Lindung.Data;
using Lindung.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Security;

/// <summary>
/// The API keys of recent requests, so a busy client's requests are authenticated without a
/// database read: an entry lives <see cref="Lifetime"/> and holds the stored hash, role and scope
/// (never the key itself; every request still hashes what it presents and compares). Any change
/// to a key saved through this process (revocation above all) clears the cache before the save
/// returns, so the next request reads the row again and a revoked key is refused at once; a
/// revocation by another process (<c>lindung apikey revoke</c> while the server runs) takes
/// effect within <see cref="Lifetime"/>.
/// </summary>
internal sealed class ApiKeyCache(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _generation;

    /// <summary>Read before the database, passed to <see cref="Add"/>: a clear in between keeps the stale row out.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public CachedApiKey? Find(string prefix)
    {
        if (_entries.TryGetValue(prefix, out var entry) && clock.GetUtcNow() < entry.Expires)
        {
            return entry.Key;
        }

        return null;
    }

    /// <summary>Keeps <paramref name="key"/>'s row with its principal, built once for the requests that follow.</summary>
    public CachedApiKey Add(ApiKey key, long generation)
    {
        ArgumentNullException.ThrowIfNull(key);
        var cached = new CachedApiKey(key, ApiKeyPrincipal.Of(key));
        var entry = new Entry(cached, clock.GetUtcNow() + Lifetime);
        _entries[key.Prefix] = entry;
        if (Generation != generation)
        {
            // Cleared while the row was read: it may be the row from before a revocation.
            _entries.TryRemove(new KeyValuePair<string, Entry>(key.Prefix, entry));
        }

        return cached;
    }

    public void Clear()
    {
        Interlocked.Increment(ref _generation);
        _entries.Clear();
    }

    private sealed record Entry(CachedApiKey Key, DateTimeOffset Expires);
}

/// <summary>An API key's row and the principal its requests carry.</summary>
internal sealed record CachedApiKey(ApiKey Row, ScopedPrincipal Principal);

/// <summary>
/// The security stamps of recently seen users, so a signed-in request does not read its user's
/// row on every request (<see cref="SessionStamp"/>). Sign-out and a password change save a new
/// stamp through this process and clear the cache, so the old cookie is refused on its next
/// request; a change made by another process takes effect within <see cref="ApiKeyCache.Lifetime"/>.
/// </summary>
internal sealed class SecurityStampCache(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, (string? Stamp, DateTimeOffset Expires)> _entries = new(StringComparer.Ordinal);
    private long _generation;

    public long Generation => Interlocked.Read(ref _generation);

    public bool TryFind(string userId, out string? stamp)
    {
        if (_entries.TryGetValue(userId, out var entry) && clock.GetUtcNow() < entry.Expires)
        {
            stamp = entry.Stamp;
            return true;
        }

        stamp = null;
        return false;
    }

    public void Add(string userId, string? stamp, long generation)
    {
        var entry = (stamp, clock.GetUtcNow() + ApiKeyCache.Lifetime);
        _entries[userId] = entry;
        if (Generation != generation)
        {
            _entries.TryRemove(new KeyValuePair<string, (string?, DateTimeOffset)>(userId, entry));
        }
    }

    public void Clear()
    {
        Interlocked.Increment(ref _generation);
        _entries.Clear();
    }
}

/// <summary>
/// Clears <see cref="ApiKeyCache"/> after any save that changed or removed an API key, and
/// <see cref="SecurityStampCache"/> after any save that changed or removed a user.
/// </summary>
internal sealed class SecurityCacheInterceptor(ApiKeyCache keys, SecurityStampCache stamps) : SaveHooks<SecurityCacheInterceptor.Changed>
{
    protected override Changed? BeforeSave(DbContext context)
    {
        var keysChanged = context.ChangeTracker.Entries<ApiKey>().Any(e => e.State is EntityState.Modified or EntityState.Deleted);
        var usersChanged = context.ChangeTracker.Entries<LindungUser>().Any(e => e.State is EntityState.Modified or EntityState.Deleted);
        return keysChanged || usersChanged ? new Changed(keysChanged, usersChanged) : null;
    }

    protected override void AfterSave(Changed state)
    {
        if (state.Keys)
        {
            keys.Clear();
        }

        if (state.Users)
        {
            stamps.Clear();
        }
    }

    internal sealed record Changed(bool Keys, bool Users);
}
