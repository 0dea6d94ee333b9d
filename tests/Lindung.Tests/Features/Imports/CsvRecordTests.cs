using System.Text;
using Lindung.Features.Imports;
using Lindung.Tests.Infrastructure;

#pragma warning disable CA1716
namespace Lindung.Tests.Features.Imports;
#pragma warning restore CA1716

/// <summary>The span record reads exactly what the string API reads, quotes and buffer edges included.</summary>
public class CsvRecordTests
{
    private const string Tricky = "abc ,;\"\r\n'é";

    // Short fields of quotes, delimiters and line breaks; NIK-like digits; now and then one longer
    // than the reader's buffer, so fields and quotes straddle buffer edges.
    private static string Field(Random random) => random.Next(10) switch
    {
        < 6 => new string([.. Enumerable.Range(0, random.Next(13)).Select(_ => Tricky[random.Next(Tricky.Length)])]),
        < 9 => random.NextInt64(1_000_000_000_000_000, 9_999_999_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => new string('"', random.Next(2)) + new string('x', 70_000),
    };

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    [Fact]
    public void Spans_and_strings_read_back_what_was_written()
    {
        var random = new Random(20261125);
        for (var sample = 0; sample < 60; sample++)
        {
            var rows = Enumerable.Range(0, 1 + random.Next(6)).Select(_ => new[] { Field(random), Field(random), Field(random) }).ToArray();
            using var dir = new TempDirectory();
            var path = Path.Combine(dir.Path, "t.csv");
            var text = new StringBuilder("a,b,c\n");
            foreach (var row in rows)
            {
                text.Append(string.Join(',', row.Select(Quote))).Append('\n');
            }

            File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));

            using (var csv = CsvReader.Open(path))
            {
                var record = new CsvRecord();
                foreach (var row in rows)
                {
                    Assert.True(csv.ReadRecord(record));
                    Assert.Equal(row, Enumerable.Range(0, record.Count).Select(i => new string(record[i])));
                }

                Assert.False(csv.ReadRecord(record));
            }

            using (var csv = CsvReader.Open(path))
            {
                foreach (var row in rows)
                {
                    Assert.True(csv.ReadRecord(out var fields));
                    Assert.Equal(row, fields);
                }
            }
        }
    }

    [Fact]
    public void A_missing_field_is_an_empty_span_and_a_blank_record_is_blank()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "t.csv");
        File.WriteAllText(path, "a,b,c\n1,2\n , ,\n");
        using var csv = CsvReader.Open(path);
        var record = new CsvRecord();

        Assert.True(csv.ReadRecord(record));
        Assert.Equal(2, record.Count);
        Assert.True(record[2].IsEmpty);
        Assert.False(record.IsBlank());
        Assert.True(csv.ReadRecord(record));
        Assert.True(record.IsBlank());
    }
}
