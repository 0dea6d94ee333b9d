using System.Globalization;
using System.Text;
using Lindung.Domain.Areas;
using Lindung.Domain.Identifiers;
using Lindung.Domain.Reconciliation;
using Lindung.Domain.Rosters;
using Lindung.Features.Imports;

namespace Lindung.Features.Reconciliation;

/// <summary>A file whose header lacks a required column; the message names the column and its accepted headers.</summary>
internal sealed class MissingColumnException(string message) : Exception(message);

/// <summary>
/// Reconciliation over files: streams the membership extract into a <see cref="MemberIndex"/>,
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
    public static ReconcileSummary ReconcileToFile(string rosterPath, string membersPath, string outPath, ReconcileSettings settings, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(settings);
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
        using var csv = CsvReader.Open(path);
        var nikColumn = MapHeader(csv, RosterColumns.All, path).IndexOf(RosterColumns.Nik);
        var niks = new NikTable();
        var record = new CsvRecord();
        while (csv.ReadRecord(record))
        {
            if (MemberIndex.NikKey(record[nikColumn].Trim()) is var nik and not 0)
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

    private static IEnumerable<MemberRecord> StreamMembers(string path, NikTable? onlyNiks)
    {
        using var csv = CsvReader.Open(path);
        var map = MapHeader(csv, MemberColumns.All, path);
        var nikColumn = map.IndexOf(MemberColumns.Nik);
        var record = new CsvRecord();
        while (csv.ReadRecord(record))
        {
            // Only the NIK column is looked at before a member is known to be wanted.
            if (onlyNiks is not null && !onlyNiks.ContainsKey(MemberIndex.NikKey(record[nikColumn].Trim())))
            {
                continue;
            }

            if (!record.IsBlank())
            {
                yield return MemberRecord.From(map, record.ToArray());
            }
        }
    }

    public static List<RosterRecord> ReadRoster(string path) => [.. StreamRoster(path)];

    public static IEnumerable<RosterRecord> StreamRoster(string path)
    {
        using var csv = CsvReader.Open(path);
        var map = MapHeader(csv, RosterColumns.All, path);
        var record = new CsvRecord();
        while (csv.ReadRecord(record))
        {
            if (!record.IsBlank())
            {
                yield return RosterRecord.From(csv.Row, map, record.ToArray());
            }
        }
    }

    /// <summary>Writes one line per result as the results come (they may be a stream) and tallies them.</summary>
    public static ReconcileSummary Write(string path, IEnumerable<ReconcileResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var summary = new ReconcileSummary();
        // With a BOM: Excel opens UTF-8 without one as the local code page and mangles "Ma’ruf".
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16);
        writer.Write(OutputHeader);
        writer.Write('\n');
        Span<char> number = stackalloc char[24];
        foreach (var r in results)
        {
            r.Roster.Row.TryFormat(number, out var length, provider: CultureInfo.InvariantCulture);
            writer.Write(number[..length]);
            writer.Write(',');
            WriteQuoted(writer, r.Roster.Nik);
            writer.Write(',');
            WriteQuoted(writer, r.Roster.Name);
            writer.Write(',');
            writer.Write(ReconcileCodes.Of(r.Outcome));
            writer.Write(',');
            WriteQuoted(writer, r.Kpj ?? string.Empty);
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

    private static HeaderMap MapHeader(CsvReader csv, IReadOnlyList<ColumnSpec> columns, string path)
    {
        var map = HeaderMap.Map(csv.Header, columns);
        if (map.Missing.Count > 0)
        {
            throw new MissingColumnException($"{Path.GetFileName(path)}: {map.DescribeMissing()}");
        }

        return map;
    }

    private static void WriteQuoted(StreamWriter writer, string value)
    {
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            writer.Write(value);
            return;
        }

        writer.Write('"');
        writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        writer.Write('"');
    }
}
