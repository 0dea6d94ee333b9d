using System.Numerics;

namespace Lindung.Domain.Matching;

/// <summary>
/// A name folded by <see cref="PersonName.Normalize"/> with its words located once. The search
/// compares one roster name with many members' names; splitting both sides for every pair was
/// most of the cost of a comparison. Members share these (one per distinct name), so they stay few.
/// </summary>
public sealed class FoldedName
{
    // One entry per word, all a comparison reads of it side by side: the search meets a member's
    // name once per candidate, and separate arrays per field cost a cache miss each.
    private readonly WordShape[] _words;
    private readonly int _joinedLength;

    public FoldedName(string folded)
    {
        ArgumentNullException.ThrowIfNull(folded);
        Text = folded;
        var words = folded.Length == 0 ? 0 : folded.AsSpan().Count(' ') + 1;
        _words = new WordShape[words];
        var start = 0;
        for (var i = 0; i < words; i++)
        {
            var space = folded.IndexOf(' ', start);
            var end = space < 0 ? folded.Length : space;
            var letters = 0u;
            foreach (var c in folded.AsSpan(start, end - start))
            {
                letters |= LetterBit(c);
            }

            _words[i] = new WordShape(start, end - start, letters, end - start - BitOperations.PopCount(letters));
            start = end + 1;
        }

        Joined = words > 1 ? folded.Replace(" ", string.Empty, StringComparison.Ordinal) : folded;
        _joinedLength = Joined.Length;
        Key = words > 1 ? string.Join(' ', folded.Split(' ').Order(StringComparer.Ordinal)) : folded;
    }

    public static FoldedName Empty { get; } = new(string.Empty);

    /// <summary>The folded name, words separated by single spaces.</summary>
    public string Text { get; }

    /// <summary>The words run together: "Nur Aini" and "Nuraini" are one name written two ways.</summary>
    public string Joined { get; }

    /// <summary>The words in alphabetical order: "Aminah Siti" and "Siti Aminah" share it.</summary>
    public string Key { get; }

    public int WordCount => _words.Length;

    public ReadOnlySpan<char> Word(int index) => Text.AsSpan(_words[index].Start, _words[index].Length);

    /// <summary>
    /// At most how many characters two words can have in common (as a multiset): the letters both
    /// contain, plus the fewer repeated letters. Bounds the Jaro matches without comparing the words.
    /// </summary>
    internal int CommonAtMost(int word, FoldedName other, int otherWord)
    {
        var (mine, theirs) = (_words[word], other._words[otherWord]);
        return Math.Min(
            Math.Min(mine.Length, theirs.Length),
            BitOperations.PopCount(mine.Letters & theirs.Letters) + Math.Min(mine.Repeats, theirs.Repeats));
    }

    internal int WordLength(int index) => _words[index].Length;

    /// <summary>
    /// Whether the words run together are the same (<see cref="Joined"/> equal). Names of different
    /// lengths answer without reading the other's joined text, which for most candidates is never needed.
    /// </summary>
    internal bool SameJoined(FoldedName other) =>
        _joinedLength == other._joinedLength && Joined == other.Joined;

    // a–z one bit each; anything else shares the six bits above, which can only overstate what two words share.
    private static uint LetterBit(char c) => c is >= 'a' and <= 'z' ? 1u << (c - 'a') : 1u << (26 + (c % 6));

    public override string ToString() => Text;

    private readonly record struct WordShape(int Start, int Length, uint Letters, int Repeats);
}
