using System.Collections.Concurrent;

namespace Lindung.Data;

/// <summary>
/// Answers read from the database, kept only while the <see cref="DatabaseVersion"/> they were read
/// at is still current: an entry is found only under the version its reader saw (or one that
/// <paramref name="sameData"/> says holds the same data, as after an audit write), and a new version
/// starts an empty generation, so a commit anywhere retires every entry at once. Bounded by a
/// weight (e.g. rows): a full generation starts again empty.
/// </summary>
internal sealed class VersionedCache<TKey, TValue>(long maxWeight, Func<string, string, bool>? sameData = null)
    where TKey : notnull
{
    private Generation _current = new(string.Empty, new Store());

    public bool TryGet(string version, TKey key, out TValue value)
    {
        if (Current(version) is { } generation && generation.Store.Entries.TryGetValue(key, out value!))
        {
            return true;
        }

        value = default!;
        return false;
    }

    /// <summary>
    /// Keeps <paramref name="value"/>, read after <paramref name="version"/> was: its data is that
    /// version's or newer, never older, which is all a reader of that version may be shown. A
    /// generation that would outgrow the bound is dropped for an empty one: the simplest bound that
    /// keeps recent answers, and a full cache refills within one pass of its readers.
    /// </summary>
    public void Add(string version, TKey key, TValue value, long weight)
    {
        var generation = Current(version);
        if (generation is null || generation.Store.Weight + weight > maxWeight)
        {
            var stale = Volatile.Read(ref _current);
            var fresh = new Generation(version, new Store());
            generation = Interlocked.CompareExchange(ref _current, fresh, stale) == stale ? fresh : Current(version);
            if (generation is null)
            {
                return;
            }
        }

        if (Interlocked.Add(ref generation.Store.Weight, weight) <= maxWeight)
        {
            generation.Store.Entries.TryAdd(key, value);
        }
    }

    /// <summary>The generation that holds <paramref name="version"/>'s data, re-labelled with it when only its label is older; null when none does.</summary>
    private Generation? Current(string version)
    {
        var generation = Volatile.Read(ref _current);
        if (string.Equals(generation.Version, version, StringComparison.Ordinal))
        {
            return generation;
        }

        if (sameData is null || generation.Store.Entries.IsEmpty)
        {
            return null;
        }

        // A reader that saw an older label of the same data reads what the generation holds.
        if (sameData(version, generation.Version))
        {
            return generation;
        }

        if (!sameData(generation.Version, version))
        {
            return null;
        }

        var relabelled = new Generation(version, generation.Store);
        return Interlocked.CompareExchange(ref _current, relabelled, generation) == generation ? relabelled : null;
    }

    private sealed class Store
    {
        public readonly ConcurrentDictionary<TKey, TValue> Entries = new();
        public long Weight;
    }

    private sealed record Generation(string Version, Store Store);
}
