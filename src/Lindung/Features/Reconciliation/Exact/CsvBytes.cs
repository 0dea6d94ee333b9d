using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using System.Text.Unicode;
using Microsoft.Win32.SafeHandles;

namespace Lindung.Features.Reconciliation.Exact;

/// <summary>
/// Reads a UTF-8 CSV as bytes, record by record, in the dialect of <see cref="Imports.CsvReader"/>
/// (RFC 4180 quotes kept after a closing quote, CR, LF or CRLF line ends, the delimiter guessed
/// from the header line) without a string per field: the exact pass looks at a few cells of
/// millions of rows and decodes text only for what it writes. Fields are raw spans (quotes not
/// undone, see <see cref="Unquote"/>) valid until the next record. UTF-8 is checked as the bytes
/// arrive; <see cref="Invalid"/> tells the caller to fall back to the general reader, which would
/// have read the file as Windows-1252.
/// </summary>
internal sealed class CsvBytes : IDisposable
{
    private const int HeaderScan = 32 * 1024;
    private const int NoStops = -128;
    private static readonly byte[] Candidates = [(byte)',', (byte)';', (byte)'\t'];

    private readonly FileStream? _file;
    private byte[] _buffer;
    private long _bufferOffset;
    private int _start;
    private int _end;
    private int _checkedTo;
    private bool _eof;
    // The fields of every record of the batch last read, one after another; the selected record's start at _current.
    private int[] _fieldStarts = new int[32];
    private int[] _fieldEnds = new int[32];
    private int _fields;
    private int _current;
    private int[] _recordFirst = new int[1];
    private int[] _recordCount = new int[1];
    private long[] _recordOffset = new long[1];
    private int _rowsRead;
    private int _rowBefore;
    private long _stopAt = long.MaxValue;
    // Which bytes of a 64-byte block of the buffer end an unquoted field (delimiter, CR, LF), one bit
    // each: most fields are short, so one vector comparison finds the ends of several.
    private int _stopsStart = NoStops;
    private ulong _stops;

    private CsvBytes(FileStream? file, int bufferSize)
    {
        _file = file;
        _buffer = new byte[bufferSize];
    }

    public byte Delimiter { get; private set; }

    public string[] Header { get; private set; } = [];

    /// <summary>The spreadsheet row of the selected record; the header is row 1.</summary>
    public int Row { get; private set; }

    /// <summary>Records read so far, the header included: the row of the last record read.</summary>
    public int RowsRead => _rowsRead;

    /// <summary>Fields in the selected record.</summary>
    public int Count { get; private set; }

    /// <summary>Where in the file the selected record starts.</summary>
    public long RecordOffset { get; private set; }

    /// <summary>Where reading stops: the first record starting at or after this offset is not read.</summary>
    public long Stop
    {
        get => _stopAt;
        set => _stopAt = value;
    }

    /// <summary>Where the next record starts: after the header once opened, the end of a range once read.</summary>
    public long Position => _bufferOffset + _start;

    /// <summary>True once bytes that are not UTF-8 were seen: the results so far must be thrown away.</summary>
    public bool Invalid { get; private set; }

    /// <summary>
    /// The reader positioned after the header, or null when the file is not for this reader: a
    /// workbook, a UTF-16 byte-order mark, bytes that are not UTF-8 in the header, or a header
    /// line longer than a few kilobytes (the general reader decides those).
    /// </summary>
    public static CsvBytes? TryOpen(string path, int bufferSize = 1 << 22)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var reader = new CsvBytes(file, bufferSize);
        try
        {
            if (reader.ReadHeader())
            {
                return reader;
            }
        }
        catch
        {
            reader.Dispose();
            throw;
        }

        reader.Dispose();
        return null;
    }

    /// <summary>
    /// A reader of the records that start in [<paramref name="from"/>, <paramref name="to"/>) of a
    /// file whose header another reader read; <paramref name="from"/> must start a record (the
    /// caller checks that the range before ends exactly there).
    /// </summary>
    public static CsvBytes OpenRange(string path, byte delimiter, long from, long to, int row, int bufferSize = 1 << 22)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        file.Position = from;
        return new CsvBytes(file, bufferSize) { Delimiter = delimiter, _bufferOffset = from, _stopAt = to, Row = row, _rowsRead = row };
    }

    /// <summary>
    /// The start of the first line after the middle of the records, or -1 for a file too small to
    /// split. A quoted line break can make this a point inside a record; the reader of the first
    /// half finds out (its last record does not end there).
    /// </summary>
    public static long Split(string path, long dataStart, long minimum = 1 << 20)
    {
        using var file = File.OpenHandle(path);
        var length = RandomAccess.GetLength(file);
        if (length - dataStart < minimum)
        {
            return -1;
        }

        var middle = dataStart + ((length - dataStart) / 2);
        var bytes = new byte[1 << 16];
        var read = RandomAccess.Read(file, bytes, middle);
        var newline = bytes.AsSpan(0, read).IndexOf((byte)'\n');
        return newline < 0 || middle + newline + 1 >= length ? -1 : middle + newline + 1;
    }

    /// <summary>
    /// Records in [<paramref name="from"/>, <paramref name="to"/>) of the file, judged from the line
    /// length of its first megabyte, with a margin: for sizing tables before the rows are read.
    /// </summary>
    public static long ExpectedRows(string path, long from, long to)
    {
        using var file = File.OpenHandle(path);
        var sample = new byte[1 << 20];
        var read = RandomAccess.Read(file, sample, from);
        var lines = Math.Max(1, sample.AsSpan(0, read).Count((byte)'\n'));
        var bytes = Math.Min(to, RandomAccess.GetLength(file)) - from;
        return (long)(bytes / ((double)Math.Max(read, 1) / lines) * 1.1) + 1024;
    }

    public void Dispose() => _file?.Dispose();

    /// <summary>Field <paramref name="index"/> of the selected record, quotes not undone; empty past the last field.</summary>
    public ReadOnlySpan<byte> this[int index] =>
        index >= 0 && index < Count ? _buffer.AsSpan(_fieldStarts[_current + index], _fieldEnds[_current + index] - _fieldStarts[_current + index]) : [];

    /// <summary>Reads and selects the next record; false at the end of the file or once <see cref="Invalid"/>.</summary>
    public bool Next() => NextBatch(1) == 1;

    /// <summary>
    /// Reads up to <paramref name="max"/> records that are already in the buffer (at least one when
    /// any is left) and selects the first; the others stay readable through <see cref="Select"/>
    /// until the next read. Lets a caller look ahead at a batch's keys and fetch what they point to
    /// before working through the rows. Zero at the end of the file or once <see cref="Invalid"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int NextBatch(int max)
    {
        if (_recordOffset.Length < max)
        {
            (_recordFirst, _recordCount, _recordOffset) = (new int[max], new int[max], new long[max]);
        }

        var count = 0;
        (_fields, _rowBefore) = (0, _rowsRead);
        while (count < max && !Invalid && Position < _stopAt)
        {
            // Filling moves the buffered bytes, so it waits until no record of this batch points into them.
            if (_start >= _end)
            {
                if (count > 0 || !Fill())
                {
                    break;
                }

                continue;
            }

            var first = _fields;
            var next = Parse(_buffer.AsSpan(0, _end), _start, _eof);
            if (next < 0)
            {
                // The record runs past the bytes read: Fill adds more, or learns the file ended and the next parse is final.
                _fields = first;
                if (count > 0)
                {
                    break;
                }

                Fill();
                continue;
            }

            (_recordFirst[count], _recordCount[count], _recordOffset[count]) = (first, _fields - first, _bufferOffset + _start);
            _start = next;
            count++;
        }

        _rowsRead += count;
        if (count > 0)
        {
            Select(0);
        }

        return count;
    }

    /// <summary>Selects record <paramref name="index"/> of the batch last read.</summary>
    public void Select(int index)
    {
        (_current, Count, RecordOffset, Row) = (_recordFirst[index], _recordCount[index], _recordOffset[index], _rowBefore + index + 1);
    }

    /// <summary>The text of every field of the record last read, as the general reader gives it.</summary>
    public string[] Fields()
    {
        var fields = new string[Count];
        for (var i = 0; i < Count; i++)
        {
            fields[i] = Text(this[i]);
        }

        return fields;
    }

    /// <summary>The text of a raw field: quotes undone, decoded (not trimmed).</summary>
    public static string Text(ReadOnlySpan<byte> raw)
    {
        if (raw.Length == 0 || raw[0] != (byte)'"')
        {
            return Encoding.UTF8.GetString(raw);
        }

        var content = new byte[raw.Length];
        var length = Unquote(raw, content);
        return Encoding.UTF8.GetString(content, 0, length);
    }

    /// <summary>
    /// Undoes the quotes of a raw field into <paramref name="content"/> (at least as long as the
    /// field): the quoted part with doubled quotes made single, then whatever followed the closing quote.
    /// </summary>
    public static int Unquote(ReadOnlySpan<byte> raw, Span<byte> content)
    {
        var length = 0;
        var at = 1;
        while (true)
        {
            var quote = raw[at..].IndexOf((byte)'"');
            if (quote < 0)
            {
                raw[at..].CopyTo(content[length..]);
                return length + raw.Length - at;
            }

            raw.Slice(at, quote).CopyTo(content[length..]);
            length += quote;
            at += quote + 1;
            if (at < raw.Length && raw[at] == (byte)'"')
            {
                content[length++] = (byte)'"';
                at++;
                continue;
            }

            raw[at..].CopyTo(content[length..]);
            return length + raw.Length - at;
        }
    }

    /// <summary>The fields of the record that starts at <paramref name="offset"/> (an earlier <see cref="RecordOffset"/>) of the file behind <paramref name="file"/>.</summary>
    public static string[] FieldsAt(SafeFileHandle file, long offset, byte delimiter)
    {
        var size = 1 << 12;
        while (true)
        {
            var bytes = new byte[size];
            var read = 0;
            int last;
            while ((last = RandomAccess.Read(file, bytes.AsSpan(read), offset + read)) > 0 && read + last < bytes.Length)
            {
                read += last;
            }

            read += last;
            var single = new CsvBytes(null, 0) { Delimiter = delimiter, _buffer = bytes };
            if (single.Parse(bytes.AsSpan(0, read), 0, final: read < bytes.Length) >= 0)
            {
                single.Count = single._fields;
                return single.Fields();
            }

            size *= 4;
        }
    }

    /// <summary>
    /// Parses the record at <paramref name="at"/>, appending its fields to the field arrays; the
    /// position after it, or -1 when <paramref name="data"/> ends before the record does and more may come.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Parse(ReadOnlySpan<byte> data, int at, bool final)
    {
        var delimiter = Delimiter;
        while (true)
        {
            var fieldStart = at;
            if (at < data.Length && data[at] == (byte)'"')
            {
                at++;
                while (true)
                {
                    var quote = data[at..].IndexOf((byte)'"');
                    if (quote < 0)
                    {
                        if (!final)
                        {
                            return -1;
                        }

                        at = data.Length;
                        break;
                    }

                    at += quote + 1;
                    if (at >= data.Length)
                    {
                        if (!final)
                        {
                            return -1;
                        }

                        break;
                    }

                    if (data[at] != (byte)'"')
                    {
                        break;
                    }

                    at++;
                }
            }

            var stop = NextStop(data, at);
            if (stop < 0)
            {
                if (!final)
                {
                    return -1;
                }

                AddField(fieldStart, data.Length);
                return data.Length;
            }

            at = stop;
            var c = data[at];
            AddField(fieldStart, at);
            at++;
            if (c == delimiter)
            {
                continue;
            }

            if (c == (byte)'\r')
            {
                if (at >= data.Length && !final)
                {
                    return -1;
                }

                if (at < data.Length && data[at] == (byte)'\n')
                {
                    at++;
                }
            }

            return at;
        }
    }

    /// <summary>The first delimiter, CR or LF at or after <paramref name="at"/>; -1 when <paramref name="data"/> has none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int NextStop(ReadOnlySpan<byte> data, int at)
    {
        while (true)
        {
            var shift = at - _stopsStart;
            if ((uint)shift < 64)
            {
                var bits = _stops >> shift;
                if (bits != 0)
                {
                    return at + BitOperations.TrailingZeroCount(bits);
                }

                at = _stopsStart + 64;
                continue;
            }

            if (!Vector256.IsHardwareAccelerated || data.Length - at < 64)
            {
                var stop = data[at..].IndexOfAny(Delimiter, (byte)'\n', (byte)'\r');
                return stop < 0 ? -1 : at + stop;
            }

            ref var block = ref Unsafe.Add(ref MemoryMarshal.GetReference(data), at);
            _stops = Stops(Vector256.LoadUnsafe(ref block)) | ((ulong)Stops(Vector256.LoadUnsafe(ref block, 32)) << 32);
            _stopsStart = at;
        }
    }

    private uint Stops(Vector256<byte> bytes) =>
        (Vector256.Equals(bytes, Vector256.Create(Delimiter)) | Vector256.Equals(bytes, Vector256.Create((byte)'\n')) | Vector256.Equals(bytes, Vector256.Create((byte)'\r')))
            .ExtractMostSignificantBits();

    private void AddField(int start, int end)
    {
        if (_fields == _fieldStarts.Length)
        {
            Array.Resize(ref _fieldStarts, _fields * 2);
            Array.Resize(ref _fieldEnds, _fields * 2);
        }

        _fieldStarts[_fields] = start;
        _fieldEnds[_fields++] = end;
    }

    /// <summary>
    /// Moves the unread bytes to the front (growing the buffer when one record fills it) and reads
    /// more; false when nothing could be added. Checks UTF-8 up to the last line feed read, where no
    /// character can be cut, and the rest at the end of the file.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Fill()
    {
        if (_eof)
        {
            return false;
        }

        _stopsStart = NoStops;
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _bufferOffset += _start;
            (_end, _checkedTo, _start) = (_end - _start, _checkedTo - _start, 0);
        }
        else if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var read = _file!.ReadAtLeast(_buffer.AsSpan(_end), _buffer.Length - _end, throwOnEndOfStream: false);
        _end += read;
        _eof = _end < _buffer.Length;
        var checkTo = _eof ? _end : _buffer.AsSpan(0, _end).LastIndexOfAnyInRange((byte)0, (byte)0x7F) + 1;
        if (checkTo > _checkedTo)
        {
            Invalid |= !Utf8.IsValid(_buffer.AsSpan(_checkedTo, checkTo - _checkedTo));
            _checkedTo = checkTo;
        }

        return read > 0 || _eof;
    }

    private bool ReadHeader()
    {
        do
        {
            Fill();
        }
        while (!_eof && _end < HeaderScan && _buffer.AsSpan(0, _end).IndexOfAny((byte)'\n', (byte)'\r') < 0);

        var head = _buffer.AsSpan(0, _end);
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            _start = 3;
        }
        else if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || head.StartsWith("PK"u8))
        {
            return false;
        }

        if (DetectDelimiter(head[_start..]) is not { } delimiter || Invalid)
        {
            return false;
        }

        Delimiter = delimiter;
        if (!Next())
        {
            return false;
        }

        Header = Fields();
        return !Invalid;
    }

    /// <summary>The candidate seen most often outside quotes on the first line, as the general reader counts; null when that line is long.</summary>
    private static byte? DetectDelimiter(ReadOnlySpan<byte> head)
    {
        Span<int> counts = stackalloc int[Candidates.Length];
        var quoted = false;
        for (var i = 0; i < head.Length && i < HeaderScan; i++)
        {
            var c = head[i];
            if (c == (byte)'"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is (byte)'\n' or (byte)'\r')
            {
                var best = 0;
                for (var k = 1; k < counts.Length; k++)
                {
                    best = counts[k] > counts[best] ? k : best;
                }

                return counts[best] == 0 ? (byte)',' : Candidates[best];
            }
            else if (!quoted && Array.IndexOf(Candidates, c) is var at and >= 0)
            {
                counts[at]++;
            }
        }

        return null;
    }
}
