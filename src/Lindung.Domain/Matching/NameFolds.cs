using System.Collections.Concurrent;

namespace Lindung.Domain.Matching;

/// <summary>
/// <see cref="PersonName.Normalize"/> remembered per name as written. Rosters and extracts repeat
/// the same names many times over, folding is the costliest step of reading a row, and one folded
/// string per distinct name keeps an index of millions of members small. Safe to share between
/// threads; stops remembering (but keeps folding) past its capacity, so memory stays bounded.
/// </summary>
public sealed class NameFolds(int capacity = 1 << 18)
{
    private readonly ConcurrentDictionary<string, string> _folded = new(StringComparer.Ordinal);
    private int _count;

    public string Fold(string? written)
    {
        if (string.IsNullOrEmpty(written))
        {
            return string.Empty;
        }

        if (_folded.TryGetValue(written, out var folded))
        {
            return folded;
        }

        folded = PersonName.Normalize(written);
        if (Volatile.Read(ref _count) < capacity && _folded.TryAdd(written, folded))
        {
            Interlocked.Increment(ref _count);
        }

        return folded;
    }
}
