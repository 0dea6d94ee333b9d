using System.Text;
using Lindung.Features.Imports;
using Lindung.Tests.Infrastructure;

// The test namespace mirrors src/Lindung/Features/Imports; "Imports" is only a keyword in VB.
#pragma warning disable CA1716
namespace Lindung.Tests.Features.Imports;
#pragma warning restore CA1716

public class CsvReaderTests
{
    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    private static List<string[]> ReadAll(CsvReader csv)
    {
        var rows = new List<string[]>();
        while (csv.ReadRecord(out var fields))
        {
            rows.Add(fields);
        }

        return rows;
    }

    [Fact]
    public void A_semicolon_file_in_windows_1252_reads_with_its_accents()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "roster.csv");
        File.WriteAllBytes(path, Windows1252.GetBytes("NIK;Nama;Kota\r\n3577014408920001;Sumarni;Madiun\r\n3577011203900001;Ma’ruf Amin;Café\r\n"));

        using var csv = CsvReader.Open(path);
        var rows = ReadAll(csv);

        Assert.Equal(';', csv.Delimiter);
        Assert.Equal(1252, csv.Encoding.CodePage);
        Assert.Equal(["NIK", "Nama", "Kota"], csv.Header);
        Assert.Equal(["3577014408920001", "Sumarni", "Madiun"], rows[0]);
        Assert.Equal(["3577011203900001", "Ma’ruf Amin", "Café"], rows[1]);
    }

    [Fact]
    public void Utf8_with_a_bom_tab_delimited()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "members.csv");
        File.WriteAllText(path, "kpj\tnama\n1\tMa’ruf\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        using var csv = CsvReader.Open(path);
        Assert.Equal('\t', csv.Delimiter);
        Assert.Equal(["kpj", "nama"], csv.Header);
        Assert.Equal(["1", "Ma’ruf"], Assert.Single(ReadAll(csv)));
    }

    [Fact]
    public void Utf8_without_a_bom_is_not_mistaken_for_windows_1252()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "roster.csv");
        File.WriteAllText(path, "nik,nama\n1,José\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));

        using var csv = CsvReader.Open(path);
        Assert.Equal(Encoding.UTF8.CodePage, csv.Encoding.CodePage);
        Assert.Equal("José", Assert.Single(ReadAll(csv))[1]);
    }

    [Fact]
    public void Quoted_fields_hold_delimiters_quotes_and_line_breaks_and_rows_count_from_the_header()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "roster.csv");
        File.WriteAllText(path, "nama,program,catatan\n\"Siti Aminah, S.Pd.\",\"JKK,JKM\",\"kata \"\"honorer\"\"\nbaris dua\"\n\nBudi,JKK,\n");

        using var csv = CsvReader.Open(path);
        Assert.Equal(',', csv.Delimiter);
        Assert.True(csv.ReadRecord(out var first));
        Assert.Equal(2, csv.Row);
        Assert.Equal(["Siti Aminah, S.Pd.", "JKK,JKM", "kata \"honorer\"\nbaris dua"], first);
        Assert.True(csv.ReadRecord(out var blank));
        Assert.Equal([""], blank);
        Assert.True(csv.ReadRecord(out var third));
        Assert.Equal(4, csv.Row);
        Assert.Equal(["Budi", "JKK", ""], third);
        Assert.False(csv.ReadRecord(out _));
    }
}
