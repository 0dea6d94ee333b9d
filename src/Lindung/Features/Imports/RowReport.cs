using System.Globalization;
using System.Text;
using Lindung.Domain.Rosters;
using Lindung.Features.Spreadsheets;
using Lindung.Hosting;

namespace Lindung.Features.Imports;

/// <summary>The file an import read, so its report can quote the bad rows as the user wrote them.</summary>
/// <param name="Open">Opens the file again from its first row.</param>
/// <param name="Header">The file's header cells.</param>
/// <param name="Map">Which of the file's columns holds each field.</param>
internal sealed record RowReportSource(Func<ITableReader> Open, IReadOnlyList<string> Header, HeaderMap Map);

/// <summary>
/// The two columns that say which row a report line is about, quoted from the file as written:
/// a roster's NIK and name, a contract file's number and contractor.
/// </summary>
internal sealed record RowIdentity(string First, string Second)
{
    public static RowIdentity Roster { get; } = new(RosterColumns.Nik, RosterColumns.Nama);
}

/// <summary>
/// The row report of one import, in the words of the user's own file:
/// <list type="bullet">
/// <item><c>report.csv</c>: one line per issue, in row order — the row, the file's own header
/// cell for the column, the row's identity as written (a roster's NIK and name, see
/// <see cref="RowIdentity"/>), the code and both messages;</item>
/// <item><c>report.xlsx</c>: the user's own sheet back — its header and every bad row as it was,
/// with a "Keterangan" column saying what to fix — so the rows can be corrected and uploaded
/// again (an update never ends anyone).</item>
/// </list>
/// Issues arrive one at a time (merge refusals after the rows validation already reported) and
/// are kept until <see cref="FinishAsync"/> reads the file a second time, up to the last bad row
/// only. At most <see cref="MaxListed"/> issues are kept; the reports say when more were found.
/// </summary>
internal sealed class RowReport : IAsyncDisposable
{
    /// <summary>The most issues a report lists, about Excel's last row; the counts always cover every issue.</summary>
    public const int MaxListed = XlsxSheetWriter.MaxRows - 2;

    private readonly List<RowIssue> _issues = [];
    private long _unlisted;
    private bool _finished;

    private readonly RowIdentity _identity;

    private RowReport(string csvPath, RowIdentity identity)
    {
        _identity = identity;
        Path = System.IO.Path.GetFullPath(csvPath);
        XlsxPath = System.IO.Path.ChangeExtension(Path, ".xlsx");
    }

    /// <summary>The CSV report.</summary>
    public string Path { get; }

    /// <summary>The user's sheet back.</summary>
    public string XlsxPath { get; }

    /// <summary>The report of one import at <paramref name="path"/> (asked for "report.xlsx", the CSV goes beside it as "report.csv").</summary>
    public static RowReport Open(string path, RowIdentity? identity = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var csv = System.IO.Path.GetExtension(path).Equals(".xlsx", StringComparison.OrdinalIgnoreCase) ? System.IO.Path.ChangeExtension(path, ".csv") : path;
        return new RowReport(csv, identity ?? RowIdentity.Roster);
    }

    /// <summary>Callers serialise their calls (the import's tally holds a lock around it).</summary>
    public void Add(RowIssue issue)
    {
        ArgumentNullException.ThrowIfNull(issue);
        if (_issues.Count < MaxListed)
        {
            _issues.Add(issue);
        }
        else
        {
            _unlisted++;
        }
    }

    /// <summary>
    /// Writes both files. With a <paramref name="source"/> the bad rows are quoted from the file;
    /// without one (the file could not be read to its end) the CSV still lists every issue.
    /// </summary>
    public async Task FinishAsync(RowReportSource? source, CancellationToken cancellationToken)
    {
        if (_finished)
        {
            return;
        }

        _finished = true;
        var issues = _issues.OrderBy(i => i.Row).ToList();
        PrivateFiles.CreateFolder(System.IO.Path.GetDirectoryName(Path)!);
        await using var csv = new StreamWriter(PrivateFiles.Create(Path), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)) { NewLine = "\r\n" };
        await csv.WriteLineAsync($"baris,kolom,{_identity.First},{_identity.Second},kode,pesan,message".AsMemory(), cancellationToken);
        // A clean file is not opened again: its sheet back is its header alone.
        using var table = issues.Count > 0 ? source?.Open() : null;
        var rows = table is null ? null : new RowSeeker(table);
        using var book = XlsxWriter.Create(XlsxPath);
        var header = source?.Header ?? [];
        var sheet = book.AddSheet("Baris bermasalah", SheetColumns(header), freezeHeader: true, autoFilter: true);

        var next = 0;
        while (next < issues.Count)
        {
            var row = issues[next].Row;
            var end = next;
            while (end < issues.Count && issues[end].Row == row)
            {
                end++;
            }

            var fields = rows?.Seek(row);
            var first = Cell(fields, source, _identity.First);
            var second = Cell(fields, source, _identity.Second);
            var notes = new StringBuilder();
            for (var i = next; i < end; i++)
            {
                var issue = issues[i];
                var column = HeaderOf(issue.Column, header, source);
                await csv.WriteLineAsync(string.Join(
                    ',',
                    issue.Row.ToString(CultureInfo.InvariantCulture),
                    CsvCell.Text(column),
                    CsvCell.Text(first ?? string.Empty),
                    CsvCell.Text(second ?? string.Empty),
                    CsvCell.Text(issue.Code),
                    CsvCell.Text(issue.MessageId),
                    CsvCell.Text(issue.MessageEn)).AsMemory(), cancellationToken);
                notes.Append(notes.Length == 0 ? string.Create(CultureInfo.InvariantCulture, $"Baris {issue.Row}: ") : "; ")
                    .Append(column).Append(" — ").Append(issue.MessageId);
            }

            if (fields is not null)
            {
                var cells = new object?[header.Count + 1];
                for (var c = 0; c < header.Count; c++)
                {
                    cells[c] = c < fields.Length ? fields[c] : null;
                }

                cells[^1] = notes.ToString();
                sheet.WriteRow(cells);
            }
            else
            {
                var cells = new object?[header.Count + 1];
                cells[^1] = notes.ToString();
                sheet.WriteRow(cells);
            }

            next = end;
        }

        if (_unlisted > 0)
        {
            var more = string.Create(CultureInfo.InvariantCulture, $"{_unlisted} masalah lain tidak dicantumkan · {_unlisted} more issues not listed");
            await csv.WriteLineAsync(string.Join(',', string.Empty, string.Empty, string.Empty, string.Empty, "MORE_ISSUES", CsvCell.Text(more), string.Empty).AsMemory(), cancellationToken);
            var cells = new object?[header.Count + 1];
            cells[^1] = more;
            sheet.WriteRow(cells);
        }
    }

    /// <summary>A report never finished (the import failed before) still leaves its issues behind.</summary>
    public async ValueTask DisposeAsync() => await FinishAsync(null, CancellationToken.None);

    private static XlsxColumn[] SheetColumns(IReadOnlyList<string> header) =>
        [.. header.Select(h => new XlsxColumn(h, Width: 16)), new XlsxColumn("Keterangan", Width: 70)];


    private static string? Cell(string[]? fields, RowReportSource? source, string column)
    {
        var index = source?.Map.IndexOf(column) ?? -1;
        return fields is not null && index >= 0 && index < fields.Length ? fields[index] : null;
    }

    /// <summary>The file's own header cell for a field; the field's name when the file has no such column.</summary>
    private static string HeaderOf(string column, IReadOnlyList<string> header, RowReportSource? source)
    {
        var index = source?.Map.IndexOf(column) ?? -1;
        return index >= 0 && index < header.Count && header[index].Trim() is { Length: > 0 } cell ? cell : column;
    }
}

/// <summary>Reads a table forward to the rows asked for, in increasing order, so the file is read once and only up to the last of them.</summary>
file sealed class RowSeeker(ITableReader table)
{
    private int _row;
    private string[]? _fields;
    private bool _ended;

    public string[]? Seek(int row)
    {
        while (!_ended && _row < row)
        {
            if (table.ReadRecord(out var fields))
            {
                (_row, _fields) = (table.Row, fields);
            }
            else
            {
                _ended = true;
            }
        }

        return _row == row ? _fields : null;
    }
}
