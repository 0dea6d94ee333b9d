using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Lindung.Features.Reconciliation.Exact;

/// <summary>
/// Writes the result file as UTF-8 bytes into one large buffer, byte for byte what
/// <see cref="ReconcileFiles.Write"/> writes (BOM, header, the same quoting and number formats).
/// </summary>
internal sealed class ResultBytes : IDisposable
{
    private readonly FileStream _file;
    private byte[] _buffer = new byte[1 << 20];
    private int _length;
    private long _flushed;

    /// <param name="path">The file to create.</param>
    /// <param name="header">Whether to start with the BOM and header line (not for the second half's lines).</param>
    public ResultBytes(string path, bool header = true)
    {
        _file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1);
        if (header)
        {
            Write([0xEF, 0xBB, 0xBF]);
            Write(Encoding.UTF8.GetBytes(ReconcileFiles.OutputHeader + "\n"));
        }
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

    /// <summary>The cell as <see cref="ReconcileFiles.Quote"/> writes it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void WriteQuoted(ReadOnlySpan<byte> text)
    {
        if (text.IndexOfAny(",\"\r\n"u8) < 0)
        {
            Write(text);
            return;
        }

        Write((byte)'"');
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

    public void Dispose()
    {
        Flush();
        _file.Dispose();
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
        _file.Write(_buffer, 0, _length);
        _flushed += _length;
        _length = 0;
    }
}
