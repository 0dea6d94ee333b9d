using System.Numerics;

namespace Lindung.Domain.Matching;

/// <summary>
/// A name folded by <see cref="PersonName.Normalize"/> with its words located once. The search
/// compares one roster name with many members' names; splitting both sides for every pair was
/// most of the cost of a comparison. Members share these (one per distinct name), so they stay few.
/// </summary>
public sealed class FoldedName
{
    private readonly int[] _starts;
    private readonly int[] _lengths;
    private readonly uint[] _letters;
    private readonly int[] _repeats;

    public FoldedName(string folded)
    {
        ArgumentNullException.ThrowIfNull(folded);
        Text = folded;
        var words = folded.Length == 0 ? 0 : folded.AsSpan().Count(' ') + 1;
        _starts = new int[words];
        _lengths = new int[words];
        _letters = new uint[words];
        _repeats = new int[words];
        var start = 0;
        for (var i = 0; i < words; i++)
        {
            var space = folded.IndexOf(' ', start);
            var end = space < 0 ? folded.Length : space;
            (_starts[i], _lengths[i]) = (start, end - start);
            foreach (var c in folded.AsSpan(start, end - start))
            {
                _letters[i] |= LetterBit(c);
            }

            _repeats[i] = _lengths[i] - BitOperations.PopCount(_letters[i]);
            start = end + 1;
        }

        Joined = words > 1 ? folded.Replace(" ", string.Empty, StringComparison.Ordinal) : folded;
        Key = words > 1 ? string.Join(' ', folded.Split(' ').Order(StringComparer.Ordinal)) : folded;
    }

    public static FoldedName Empty { get; } = new(string.Empty);

    /// <summary>The folded name, words separated by single spaces.</summary>
    public string Text { get; }

    /// <summary>The words run together: "Nur Aini" and "Nuraini" are one name written two ways.</summary>
    public string Joined { get; }

    /// <summary>The words in alphabetical order: "Aminah Siti" and "Siti Aminah" share it.</summary>
    public string Key { get; }

    public int WordCount => _starts.Length;

    public ReadOnlySpan<char> Word(int index) => Text.AsSpan(_starts[index], _lengths[index]);

    /// <summary>
    /// At most how many characters two words can have in common (as a multiset): the letters both
    /// contain, plus the fewer repeated letters. Bounds the Jaro matches without comparing the words.
    /// </summary>
    internal int CommonAtMost(int word, FoldedName other, int otherWord) =>
        Math.Min(
            Math.Min(_lengths[word], other._lengths[otherWord]),
            BitOperations.PopCount(_letters[word] & other._letters[otherWord]) + Math.Min(_repeats[word], other._repeats[otherWord]));

    internal int WordLength(int index) => _lengths[index];

    // a–z one bit each; anything else shares the six bits above, which can only overstate what two words share.
    private static uint LetterBit(char c) => c is >= 'a' and <= 'z' ? 1u << (c - 'a') : 1u << (26 + (c % 6));

    public override string ToString() => Text;
}
