using System.Globalization;
using System.Text;
using Lindung.Domain.Areas;
using Lindung.Domain.Identifiers;
using Lindung.Domain.Reconciliation;
using Lindung.Domain.Rosters;
using Lindung.Features.Imports;
using Lindung.Features.Reconciliation.Exact;
using Lindung.Features.Spreadsheets;
using Lindung.Hosting;

namespace Lindung.Features.Reconciliation;

/// <summary>A file whose header lacks a required column; the message names the column and its accepted headers.</summary>
internal sealed class MissingColumnException(string message) : Exception(message);

/// <summary>
/// Reconciliation over files (CSV or XLSX, first sheet): streams the membership extract into a <see cref="MemberIndex"/>,
/// reads the roster, runs the <see cref="Reconciler"/> and writes one result line per roster row.
/// The command and the accuracy benchmark both call this, so the benchmark measures what ships.
/// </summary>
internal static class ReconcileFiles
{
    public const string OutputHeader = "baris,nik,nama,hasil,kpj,metode,skor,kesenjangan";

    public static IReadOnlyList<ReconcileResult> Run(string rosterPath, string membersPath, ReconcileSettings settings, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.NikOnly)
        {
            return [.. RunNikOnly(rosterPath, membersPath, settings, today)];
        }

        var index = ReadMembers(membersPath, new NikValidator(AreaDirectory.Embedded), today);
        var roster = ReadRoster(rosterPath);
        return new Reconciler(index, settings).Run(roster);
    }

    /// <summary>What <c>lindung reconcile</c> does: files in, the result file out, the tally back.</summary>
    public static ReconcileSummary ReconcileToFile(string rosterPath, string membersPath, string outPath, ReconcileSettings settings, DateOnly today) =>
        ReconcileToFile(rosterPath, membersPath, outPath, settings, today, bytePass: true);

    /// <summary>
    /// <paramref name="bytePass"/>: whether a NIK-only run over UTF-8 CSVs takes <see cref="ExactPass"/>
    /// (the same file, several times faster); the tests turn it off to compare it with the general path.
    /// </summary>
    internal static ReconcileSummary ReconcileToFile(string rosterPath, string membersPath, string outPath, ReconcileSettings settings, DateOnly today, bool bytePass)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.NikOnly && bytePass && ExactPass.TryReconcileToFile(rosterPath, membersPath, outPath, settings, today) is { } fast)
        {
            return fast;
        }

        var results = settings.NikOnly ? RunNikOnly(rosterPath, membersPath, settings, today) : Run(rosterPath, membersPath, settings, today);
        return Write(outPath, results);
    }

    /// <summary>
    /// The NIK-only pass in three streams, so memory follows the members the roster names rather
    /// than either file: the roster's NIKs are gathered (one column read), the extract streams past
    /// them keeping only the members they name, and the roster streams again through the
    /// reconciler into the result file.
    /// </summary>
    private static IEnumerable<ReconcileResult> RunNikOnly(string rosterPath, string membersPath, ReconcileSettings settings, DateOnly today)
    {
        var wanted = ReadRosterNiks(rosterPath);
        var index = ReadMembers(membersPath, new NikValidator(AreaDirectory.Embedded), today, wanted);
        return new Reconciler(index, settings).Stream(ReadAhead.Of(StreamRoster(rosterPath)));
    }

    private static NikTable ReadRosterNiks(string path)
    {
        var niks = new NikTable();
        foreach (var nik in Rows(path, RosterColumns.All, onlyNiks: null).Select(r => r.Nik))
        {
            if (nik != 0)
            {
                niks.Set(nik, 0);
            }
        }

        return niks;
    }

    /// <summary>The extract as an index; with <paramref name="onlyNiks"/>, only members holding one of those NIKs, without name blocks.</summary>
    public static MemberIndex ReadMembers(string path, NikValidator validator, DateOnly today, NikTable? onlyNiks = null)
    {
        var index = new MemberIndex(validator, today) { Blocks = onlyNiks is null };
        foreach (var member in ReadAhead.Of(StreamMembers(path, onlyNiks)))
        {
            index.Add(member);
        }

        index.Seal();
        return index;
    }

    /// <summary>Every member of an extract as read, one at a time.</summary>
    public static IEnumerable<MemberRecord> ReadMemberRecords(string path) => StreamMembers(path, onlyNiks: null);

    private static IEnumerable<MemberRecord> StreamMembers(string path, NikTable? onlyNiks) =>
        Rows(path, MemberColumns.All, onlyNiks).Select(r => MemberRecord.From(r.Map, r.Fields()));

    public static List<RosterRecord> ReadRoster(string path) => [.. StreamRoster(path)];

    /// <param name="path">The roster file.</param>
    /// <param name="agencies">When given, receives each row's <c>instansi</c>, in row order (the gap report groups by it).</param>
    public static List<RosterRecord> ReadRoster(string path, List<string>? agencies) => [.. StreamRoster(path, agencies)];

    public static IEnumerable<RosterRecord> StreamRoster(string path, List<string>? agencies = null)
    {
        foreach (var row in Rows(path, RosterColumns.All, onlyNiks: null))
        {
            var fields = row.Fields();
            agencies?.Add(row.Map.Get(fields, RosterColumns.Instansi));
            yield return RosterRecord.From(row.Row, row.Map, fields);
        }
    }

    /// <summary>
    /// The non-blank rows of a roster or extract with the NIK read first, so a row whose NIK is not
    /// in <paramref name="onlyNiks"/> is passed over before its cells become strings. CSV is read
    /// as spans (the fast path for whole extracts); XLSX through its own reader.
    /// </summary>
    private static IEnumerable<TableRow> Rows(string path, IReadOnlyList<ColumnSpec> columns, NikTable? onlyNiks)
    {
        using var table = TableReader.Open(path);
        var map = MapHeader(table, columns, path);
        var nikColumn = map.IndexOf(RosterColumns.Nik);
        if (table is CsvReader csv)
        {
            var record = new CsvRecord();
            while (csv.ReadRecord(record))
            {
                var nik = nikColumn < record.Count ? MemberIndex.NikKey(record[nikColumn].Trim()) : 0;
                if ((onlyNiks is null || onlyNiks.ContainsKey(nik)) && !record.IsBlank())
                {
                    yield return new TableRow(csv.Row, map, nik, record.ToArray);
                }
            }

            yield break;
        }

        while (table.ReadRecord(out var fields))
        {
            var nik = nikColumn < fields.Length ? MemberIndex.NikKey(fields[nikColumn].Trim()) : 0;
            if ((onlyNiks is null || onlyNiks.ContainsKey(nik)) && !fields.All(string.IsNullOrWhiteSpace))
            {
                yield return new TableRow(table.Row, map, nik, () => fields);
            }
        }
    }

    /// <summary>One row of <see cref="Rows"/>: its cells are made on demand and only valid until the next row is read.</summary>
    private readonly record struct TableRow(int Row, HeaderMap Map, long Nik, Func<string[]> Fields);

    /// <summary>Writes one line per result as the results come (they may be a stream) and tallies them.</summary>
    public static ReconcileSummary Write(string path, IEnumerable<ReconcileResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var summary = new ReconcileSummary();
        // With a BOM: Excel opens UTF-8 without one as the local code page and mangles "Ma’ruf".
        using var writer = new StreamWriter(PrivateFiles.Create(path), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16);
        writer.Write(OutputHeader);
        writer.Write('\n');
        Span<char> number = stackalloc char[24];
        foreach (var r in results)
        {
            r.Roster.Row.TryFormat(number, out var length, provider: CultureInfo.InvariantCulture);
            writer.Write(number[..length]);
            writer.Write(',');
            CsvCell.Write(writer, r.Roster.Nik);
            writer.Write(',');
            CsvCell.Write(writer, r.Roster.Name);
            writer.Write(',');
            writer.Write(ReconcileCodes.Of(r.Outcome));
            writer.Write(',');
            CsvCell.Write(writer, r.Kpj ?? string.Empty);
            writer.Write(',');
            writer.Write(ReconcileCodes.Of(r.Method));
            writer.Write(',');
            r.Score.TryFormat(number, out length, "0.000", CultureInfo.InvariantCulture);
            writer.Write(number[..length]);
            writer.Write(',');
            writer.Write(r.Gaps == CoverageGap.None ? string.Empty : ReconcileCodes.Of(r.Gaps));
            writer.Write('\n');
            summary.Add(r.Outcome, r.Gaps);
        }

        return summary;
    }

    private static HeaderMap MapHeader(ITableReader table, IReadOnlyList<ColumnSpec> columns, string path)
    {
        var map = HeaderMap.Map(table.Header, columns);
        if (map.Missing.Count > 0)
        {
            throw new MissingColumnException($"{Path.GetFileName(path)}: {map.DescribeMissing()}");
        }

        return map;
    }
}
