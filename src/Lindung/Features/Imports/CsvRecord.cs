namespace Lindung.Features.Imports;

/// <summary>
/// One CSV record as spans over a buffer the reader reuses: looking at a field allocates nothing,
/// so a pass that needs one column of a million-row extract pays for that column alone.
/// </summary>
internal sealed class CsvRecord
{
    private char[] _text = new char[1024];
    private int[] _ends = new int[32];
    private int _length;

    public int Count { get; private set; }

    /// <summary>The field's text (quotes undone); empty when the record is shorter.</summary>
    public ReadOnlySpan<char> this[int index] =>
        index >= 0 && index < Count ? _text.AsSpan(Start(index), _ends[index] - Start(index)) : [];

    public string[] ToArray()
    {
        var fields = new string[Count];
        for (var i = 0; i < Count; i++)
        {
            fields[i] = new string(this[i]);
        }

        return fields;
    }

    public bool IsBlank()
    {
        for (var i = 0; i < Count; i++)
        {
            if (!this[i].IsWhiteSpace())
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Characters of the field being read (appended since the last <see cref="EndField"/>).</summary>
    internal int PendingLength => _length - (Count == 0 ? 0 : _ends[Count - 1]);

    internal void Clear() => (_length, Count) = (0, 0);

    internal void Append(ReadOnlySpan<char> text)
    {
        if (_length + text.Length > _text.Length)
        {
            Array.Resize(ref _text, Math.Max(_text.Length * 2, _length + text.Length));
        }

        text.CopyTo(_text.AsSpan(_length));
        _length += text.Length;
    }

    internal void Append(char c) => Append([c]);

    internal void EndField()
    {
        if (Count == _ends.Length)
        {
            Array.Resize(ref _ends, _ends.Length * 2);
        }

        _ends[Count++] = _length;
    }

    private int Start(int index) => index == 0 ? 0 : _ends[index - 1];
}
