namespace Lindung.Domain.Reconciliation;

/// <summary>
/// Members by district and the first three letters of each name word, for what the birth-date runs
/// cannot find: a roster row without a birth date, or a member without one. Stored as one sorted
/// array of positions with a (start, count) per key.
/// </summary>
internal sealed class NameBlocks
{
    private readonly List<(long Key, int Member)> _pending = [];
    private Dictionary<long, (int Start, int Count)> _blocks = [];
    private int[] _members = [];

    public void Add(string foldedName, int districtNumber, int position)
    {
        foreach (var key in Keys(foldedName, districtNumber))
        {
            _pending.Add((key, position));
        }
    }

    public void Seal()
    {
        _pending.Sort((a, b) => a.Key != b.Key ? a.Key.CompareTo(b.Key) : a.Member.CompareTo(b.Member));
        _members = new int[_pending.Count];
        _blocks = [];
        for (var i = 0; i < _pending.Count; i++)
        {
            var (key, member) = _pending[i];
            _members[i] = member;
            _blocks[key] = _blocks.TryGetValue(key, out var range) ? (range.Start, range.Count + 1) : (i, 1);
        }

        _pending.Clear();
        _pending.TrimExcess();
    }

    public bool IsEmpty => _members.Length == 0;

    public ReadOnlySpan<int> Block(long key) =>
        _blocks.TryGetValue(key, out var range) ? _members.AsSpan(range.Start, range.Count) : [];

    /// <summary>One key per distinct name word: a dropped or swapped word still meets the other words' blocks.</summary>
    public static IEnumerable<long> Keys(string foldedName, int districtNumber)
    {
        if (foldedName.Length == 0 || districtNumber < 0)
        {
            yield break;
        }

        foreach (var word in foldedName.Split(' ').Distinct())
        {
            yield return ((long)districtNumber << 16) | Prefix(word);
        }
    }

    private static long Prefix(string word)
    {
        long prefix = 0;
        for (var i = 0; i < 3; i++)
        {
            prefix = (prefix << 5) | (i < word.Length ? (uint)(word[i] - 'a' + 1) & 31 : 0);
        }

        return prefix;
    }
}
