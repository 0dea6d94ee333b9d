using System.Text;

namespace Lindung.Domain.Areas;

/// <summary>
/// Reads the idn-area-data CSV layout: a header, then <c>code,parent_code,name</c> (provinces have
/// no parent column). Names may be quoted and contain commas or doubled quotes.
/// </summary>
internal static class AreaCsv
{
    public static IEnumerable<Area> Read(TextReader reader, AreaLevel level)
    {
        var nameColumn = level == AreaLevel.Province ? 1 : 2;
        _ = reader.ReadLine(); // header
        var fields = new List<string>(3);
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            Split(line, fields);
            if (fields.Count != nameColumn + 1)
            {
                throw new FormatException($"Area data ({level}) line {lineNumber}: expected {nameColumn + 1} fields, found {fields.Count}.");
            }

            var code = AreaCode.Normalize(fields[0]);
            if (code is null || AreaCode.LevelOf(code) != level)
            {
                throw new FormatException($"Area data ({level}) line {lineNumber}: '{fields[0]}' is not a {level} code.");
            }

            yield return new Area(code, fields[nameColumn], level);
        }
    }

    private static void Split(string line, List<string> fields)
    {
        fields.Clear();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c != '"')
                {
                    field.Append(c);
                }
                else if (i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
    }
}
