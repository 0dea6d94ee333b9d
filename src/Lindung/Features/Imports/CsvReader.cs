using System.Text;

namespace Lindung.Features.Imports;

/// <summary>
/// A small streaming CSV reader for agency and BPJS exports: RFC 4180 quoting (quoted fields may
/// hold delimiters, doubled quotes and line breaks), the delimiter guessed from the header line
/// (comma, semicolon — Excel's choice in an Indonesian locale — or tab), and the encoding guessed
/// from the bytes (BOM, else UTF-8 when every byte sequence is valid UTF-8, else Windows-1252, the
/// code page of Excel's "CSV" on Indonesian Windows). Only one buffer of text is held at a time.
/// </summary>
internal sealed class CsvReader : ITableReader
{
    private const int BufferSize = 64 * 1024;
    private static readonly char[] Candidates = [',', ';', '\t'];

    private readonly TextReader _text;
    private readonly char[] _buffer = new char[BufferSize];
    private readonly CsvRecord _record = new();
    private int _position;
    private int _length;

    private readonly TableLimits? _limits;
    private readonly string _fileName;

    private CsvReader(TextReader text, Encoding encoding, TableLimits? limits = null, string fileName = "")
    {
        _text = text;
        _limits = limits;
        _fileName = fileName;
        Encoding = encoding;
        Delimiter = DetectDelimiter();
        if (!ReadRecord(out var header))
        {
            header = [];
        }

        Header = header;
    }

    public Encoding Encoding { get; }

    public char Delimiter { get; }

    public IReadOnlyList<string> Header { get; }

    /// <summary>The spreadsheet row number of the record last read; the header is row 1.</summary>
    public int Row { get; private set; }

    /// <summary>
    /// Opens a CSV file. With <paramref name="limits"/> (imports) the file must be UTF-8 text and
    /// stay within the limits, else a <see cref="TableFileException"/> names why; without them a
    /// file that is not UTF-8 is read as Windows-1252.
    /// </summary>
    public static CsvReader Open(string path, TableLimits? limits = null)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan);
        try
        {
            var fileName = Path.GetFileName(path);
            if (limits is not null && IsBinary(stream))
            {
                throw TableLimits.Binary(fileName);
            }

            stream.Position = 0;
            var encoding = DetectEncoding(stream);
            if (limits is not null && encoding.CodePage != Encoding.UTF8.CodePage)
            {
                // Guessing a code page turns cp437 or Windows-1252 names into mojibake without a word: ask for UTF-8.
                throw TableLimits.NotUtf8(fileName);
            }

            stream.Position = 0;
            return new CsvReader(new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true, BufferSize), encoding, limits, fileName);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>
    /// UTF-8 (with or without BOM) when the whole stream decodes strictly, else Windows-1252. The
    /// scan is one streaming pass over the bytes: an invalid sequence can sit in the last row.
    /// </summary>
    public static Encoding DetectEncoding(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
        var bytes = new byte[BufferSize];
        int read;
        try
        {
            while ((read = stream.Read(bytes, 0, bytes.Length)) > 0)
            {
                decoder.GetCharCount(bytes, 0, read, flush: false);
            }

            decoder.GetCharCount([], 0, 0, flush: true);
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        }
        catch (DecoderFallbackException)
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
        }
    }

    /// <summary>
    /// True when the first block holds a NUL byte, which no text encoding a spreadsheet writes as
    /// CSV (UTF-16 aside, which starts with its BOM): a zip, an OLE file or an image renamed .csv.
    /// </summary>
    private static bool IsBinary(Stream stream)
    {
        var head = new byte[8192];
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return head.AsSpan(0, read).Contains((byte)0);
    }

    /// <summary>Reads the next record into <paramref name="fields"/>; false at the end of the file.</summary>
    public bool ReadRecord(out string[] fields)
    {
        if (!ReadRecord(_record))
        {
            fields = [];
            return false;
        }

        fields = _record.ToArray();
        return true;
    }

    /// <summary>Reads the next record into <paramref name="record"/> without a string per field; false at the end of the file.</summary>
    public bool ReadRecord(CsvRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        record.Clear();
        if (!Ensure())
        {
            return false;
        }

        bool ended;
        do
        {
            ended = ReadField(record);
            if (_limits is not null)
            {
                if (record.Count > _limits.MaxColumns)
                {
                    throw TableLimits.TooManyColumns(_fileName, Row + 1, _limits.MaxColumns);
                }

                if (record[record.Count - 1].Length > _limits.MaxCellChars)
                {
                    throw TableLimits.CellTooLong(_fileName, Row + 1, _limits.MaxCellChars);
                }
            }
        }
        while (!ended);

        Row++;
        if (_limits is not null && Row > _limits.MaxRows)
        {
            throw TableLimits.TooManyRows(_fileName, _limits.MaxRows);
        }

        return true;
    }

    public void Dispose() => _text.Dispose();

    /// <summary>Reads one field into the record; true when it ended the record (line break or end of file).</summary>
    private bool ReadField(CsvRecord record)
    {
        if (Ensure() && _buffer[_position] == '"')
        {
            _position++;
            while (Ensure())
            {
                var rest = _buffer.AsSpan(_position, _length - _position);
                var quote = rest.IndexOf('"');
                if (quote < 0)
                {
                    record.Append(rest);
                    _position = _length;
                    CheckCell(record);
                    continue;
                }

                record.Append(rest[..quote]);
                _position += quote + 1;
                if (Ensure() && _buffer[_position] == '"')
                {
                    record.Append('"');
                    _position++;
                    continue;
                }

                break;
            }
        }

        // Unquoted text, or whatever follows a closing quote (kept, as spreadsheets do).
        while (Ensure())
        {
            var rest = _buffer.AsSpan(_position, _length - _position);
            var stop = rest.IndexOfAny(Delimiter, '\n', '\r');
            if (stop < 0)
            {
                record.Append(rest);
                _position = _length;
                CheckCell(record);
                continue;
            }

            record.Append(rest[..stop]);
            var c = rest[stop];
            _position += stop + 1;
            if (c == Delimiter)
            {
                record.EndField();
                return false;
            }

            if (c == '\r' && Ensure() && _buffer[_position] == '\n')
            {
                _position++;
            }

            record.EndField();
            return true;
        }

        record.EndField();
        return true;
    }

    /// <summary>Refuses the field being read once it passes the cell limit: a gigabyte without a delimiter is never held whole.</summary>
    private void CheckCell(CsvRecord record)
    {
        if (_limits is not null && record.PendingLength > _limits.MaxCellChars)
        {
            throw TableLimits.CellTooLong(_fileName, Row + 1, _limits.MaxCellChars);
        }
    }

    private bool Ensure()
    {
        if (_position < _length)
        {
            return true;
        }

        _length = _text.Read(_buffer, 0, _buffer.Length);
        _position = 0;
        return _length > 0;
    }

    /// <summary>The candidate seen most often outside quotes on the first line; comma when none is.</summary>
    private char DetectDelimiter()
    {
        // The header is read into the buffer (it is short) and left there for the parser.
        _length = _text.Read(_buffer, 0, _buffer.Length);
        while (_length < _buffer.Length && _length > 0 && Array.IndexOf(_buffer, '\n', 0, _length) < 0)
        {
            var more = _text.Read(_buffer, _length, _buffer.Length - _length);
            if (more == 0)
            {
                break;
            }

            _length += more;
        }

        var counts = new int[Candidates.Length];
        var quoted = false;
        for (var i = 0; i < _length; i++)
        {
            var c = _buffer[i];
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '\n' or '\r')
            {
                break;
            }
            else if (!quoted && Array.IndexOf(Candidates, c) is var at and >= 0)
            {
                counts[at]++;
            }
        }

        var best = Array.IndexOf(counts, counts.Max());
        return counts[best] == 0 ? ',' : Candidates[best];
    }
}
