using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Lindung.Features.Spreadsheets;
using Lindung.Hosting;

namespace Lindung.Features.Reconciliation.Exact;

/// <summary>
/// Writes the result file as UTF-8 bytes into one large buffer, byte for byte what
/// <see cref="ReconcileFiles.Write"/> writes (BOM, header, the same quoting, formula guard and number formats);
/// or keeps the lines in memory, for the second half of the roster to be copied after the first's
/// (cheaper than a file of its own written, read back and copied).
/// </summary>
internal sealed class ResultBytes : IDisposable
{
    private const int ChunkSize = 1 << 20;
    private readonly FileStream? _file;
    private readonly List<(byte[] Bytes, int Length)> _chunks = [];
    private byte[] _buffer = new byte[ChunkSize];
    private int _length;
    private long _flushed;

    /// <summary>The result file, starting with the BOM and header line.</summary>
    /// <param name="path">The file to create.</param>
    public ResultBytes(string path)
    {
        _file = PrivateFiles.Create(path, bufferSize: 1);
        Write([0xEF, 0xBB, 0xBF]);
        Write(Encoding.UTF8.GetBytes(ReconcileFiles.OutputHeader + "\n"));
    }

    /// <summary>Lines kept in memory, without a header, for <see cref="CopyTo"/>.</summary>
    public ResultBytes()
    {
    }

    /// <summary>Bytes written so far.</summary>
    public long Position => _flushed + _length;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Write(ReadOnlySpan<byte> bytes)
    {
        Reserve(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    public void Write(byte b)
    {
        Reserve(1);
        _buffer[_length++] = b;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Write(int number)
    {
        Reserve(16);
        number.TryFormat(_buffer.AsSpan(_length), out var written, provider: CultureInfo.InvariantCulture);
        _length += written;
    }

    public void WriteScore(double score)
    {
        Reserve(32);
        score.TryFormat(_buffer.AsSpan(_length), out var written, "0.000", CultureInfo.InvariantCulture);
        _length += written;
    }

    /// <summary>
    /// A text cell as <see cref="CsvCell.Text"/> writes it: the formula guard costs one look at the
    /// first byte, the quoting one vectorised search, as before.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void WriteQuoted(ReadOnlySpan<byte> text)
    {
        var formula = text.Length > 0 && CsvCell.StartsLikeFormula((char)text[0]);
        if (text.IndexOfAny(CsvCell.SpecialBytes) < 0)
        {
            if (formula)
            {
                Write((byte)'\'');
            }

            Write(text);
            return;
        }

        Write((byte)'"');
        if (formula)
        {
            Write((byte)'\'');
        }

        while (text.IndexOf((byte)'"') is var quote and >= 0)
        {
            Write(text[..(quote + 1)]);
            Write((byte)'"');
            text = text[(quote + 1)..];
        }

        Write(text);
        Write((byte)'"');
    }

    public void WriteQuoted(string text) => WriteQuoted(Encoding.UTF8.GetBytes(text));

    /// <summary>Writes bytes [<paramref name="from"/>, <paramref name="to"/>) of these in-memory lines to <paramref name="target"/>.</summary>
    public void CopyTo(ResultBytes target, long from, long to)
    {
        var start = 0L;
        foreach (var (bytes, length) in _chunks.Append((_buffer, _length)))
        {
            var (low, high) = (Math.Max(from, start), Math.Min(to, start + length));
            if (low < high)
            {
                target.Write(bytes.AsSpan((int)(low - start), (int)(high - low)));
            }

            start += length;
        }
    }

    /// <summary>Writes what is buffered and closes the file; once only, so a caller may close early.</summary>
    public void Dispose()
    {
        if (_file is { CanWrite: true })
        {
            Flush();
            _file.Dispose();
        }
    }

    private void Reserve(int bytes)
    {
        if (_length + bytes <= _buffer.Length)
        {
            return;
        }

        Flush();
        if (bytes > _buffer.Length)
        {
            _buffer = new byte[bytes];
        }
    }

    private void Flush()
    {
        if (_file is not null)
        {
            _file.Write(_buffer, 0, _length);
        }
        else
        {
            _chunks.Add((_buffer, _length));
            _buffer = new byte[Math.Max(ChunkSize, _buffer.Length)];
        }

        _flushed += _length;
        _length = 0;
    }
}
