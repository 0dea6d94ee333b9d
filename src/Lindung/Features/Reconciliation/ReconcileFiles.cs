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
/// Reconciliation over files (CSV or XLSX, first sheet): streams the membership extract into a <see cref="MemberIndex"/>,
/// reads the roster, runs the <see cref="Reconciler"/> and writes one result line per roster row.
/// The command and the accuracy benchmark both call this, so the benchmark measures what ships.
/// </summary>
internal static class ReconcileFiles
{
    public const string OutputHeader = "baris,nik,nama,hasil,kpj,metode,skor,kesenjangan";

    public static IReadOnlyList<ReconcileResult> Run(string rosterPath, string membersPath, ReconcileSettings settings, DateOnly today)
    {
        var index = ReadMembers(membersPath, new NikValidator(AreaDirectory.Embedded), today);
        var roster = ReadRoster(rosterPath);
        return new Reconciler(index, settings).Run(roster);
    }

    public static MemberIndex ReadMembers(string path, NikValidator validator, DateOnly today)
    {
        using var table = TableReader.Open(path);
        var map = MapHeader(table, MemberColumns.All, path);
        var index = new MemberIndex(validator, today);
        while (table.ReadRecord(out var fields))
        {
            if (!IsBlank(fields))
            {
                index.Add(MemberRecord.From(map, fields));
            }
        }

        index.Seal();
        return index;
    }

    public static List<RosterRecord> ReadRoster(string path)
    {
        using var table = TableReader.Open(path);
        var map = MapHeader(table, RosterColumns.All, path);
        var rows = new List<RosterRecord>();
        while (table.ReadRecord(out var fields))
        {
            if (!IsBlank(fields))
            {
                rows.Add(RosterRecord.From(table.Row, map, fields));
            }
        }

        return rows;
    }

    public static void Write(string path, IEnumerable<ReconcileResult> results)
    {
        // With a BOM: Excel opens UTF-8 without one as the local code page and mangles "Ma’ruf".
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        writer.Write(OutputHeader);
        writer.Write('\n');
        foreach (var r in results)
        {
            writer.Write(string.Join(',',
                r.Roster.Row.ToString(CultureInfo.InvariantCulture),
                Quote(r.Roster.Nik),
                Quote(r.Roster.Name),
                ReconcileCodes.Of(r.Outcome),
                Quote(r.Kpj ?? string.Empty),
                ReconcileCodes.Of(r.Method),
                r.Score.ToString("0.000", CultureInfo.InvariantCulture),
                ReconcileCodes.Of(r.Gaps)));
            writer.Write('\n');
        }
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

    private static bool IsBlank(string[] fields) => fields.All(string.IsNullOrWhiteSpace);

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
