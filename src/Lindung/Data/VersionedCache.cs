using System.Collections.Concurrent;

namespace Lindung.Data;

/// <summary>
/// Answers read from the database, kept only while the <see cref="DatabaseVersion"/> they were read
/// at is still current: an entry is found only under the exact version its reader saw, and a new
/// version starts an empty generation, so a commit anywhere retires every entry at once. Bounded by
/// a weight (e.g. rows): a full generation starts again empty.
/// </summary>
internal sealed class VersionedCache<TKey, TValue>(long maxWeight)
    where TKey : notnull
{
    private Generation _current = new(string.Empty);

    public bool TryGet(string version, TKey key, out TValue value)
    {
        var generation = Volatile.Read(ref _current);
        if (string.Equals(generation.Version, version, StringComparison.Ordinal) && generation.Entries.TryGetValue(key, out value!))
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
        var generation = Volatile.Read(ref _current);
        if (!string.Equals(generation.Version, version, StringComparison.Ordinal) || generation.Weight + weight > maxWeight)
        {
            var fresh = new Generation(version);
            generation = Interlocked.CompareExchange(ref _current, fresh, generation) == generation ? fresh : Volatile.Read(ref _current);
            if (!string.Equals(generation.Version, version, StringComparison.Ordinal))
            {
                return;
            }
        }

        if (Interlocked.Add(ref generation.Weight, weight) <= maxWeight)
        {
            generation.Entries.TryAdd(key, value);
        }
    }

    private sealed class Generation(string version)
    {
        public readonly string Version = version;
        public readonly ConcurrentDictionary<TKey, TValue> Entries = new();
        public long Weight;
    }
}
