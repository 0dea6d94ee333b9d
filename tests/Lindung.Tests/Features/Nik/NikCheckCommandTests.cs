using System.Text.Json;
using Lindung.Tests.Cli;

namespace Lindung.Tests.Features.Nik;

public class NikCheckCommandTests
{
    [Fact]
    public async Task Writes_one_json_object_per_non_blank_line_and_exits_0_even_when_some_are_invalid()
    {
        var run = await CliRun.ExecuteWithInputAsync("'3577015203900002\n\n   \n3.57701E+15\n", "nik", "check");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(2, run.OutLines.Length);

        using var valid = JsonDocument.Parse(run.OutLines[0]);
        var v = valid.RootElement;
        Assert.Equal("'3577015203900002", v.GetProperty("nik").GetString());
        Assert.Equal("3577015203900002", v.GetProperty("normalized").GetString());
        Assert.True(v.GetProperty("valid").GetBoolean());
        Assert.Equal(0, v.GetProperty("errors").GetArrayLength());
        Assert.Equal("35", v.GetProperty("province_code").GetString());
        Assert.Equal("35.77", v.GetProperty("regency_code").GetString());
        Assert.Equal("35.77.01", v.GetProperty("district_code").GetString());
        Assert.Equal("Kartoharjo", v.GetProperty("district_name").GetString());
        Assert.Equal("1990-03-12", v.GetProperty("birth_date").GetString());
        Assert.Equal("P", v.GetProperty("sex").GetString());

        using var invalid = JsonDocument.Parse(run.OutLines[1]);
        var i = invalid.RootElement;
        Assert.False(i.GetProperty("valid").GetBoolean());
        Assert.Equal("NIK_SCIENTIFIC_NOTATION", i.GetProperty("errors")[0].GetString());
        Assert.Equal(JsonValueKind.Null, i.GetProperty("normalized").ValueKind);
        Assert.Equal(JsonValueKind.Null, i.GetProperty("birth_date").ValueKind);
    }

    [Fact]
    public async Task Reads_a_file_when_given_one()
    {
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllLinesAsync(path, ["3577011203900001", "3577011203900000"]);
            var run = await CliRun.ExecuteWithInputAsync("9999999999999999\n", "nik", "check", "--file", path);

            Assert.Equal(0, run.ExitCode);
            Assert.Equal(2, run.OutLines.Length);
            Assert.Contains("\"valid\":true", run.OutLines[0], StringComparison.Ordinal);
            Assert.Contains("NIK_SERIAL_ZERO", run.OutLines[1], StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_missing_file_is_a_usage_error()
    {
        var run = await CliRun.ExecuteAsync("nik", "check", "--file", "/nonexistent/niks.txt");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("/nonexistent/niks.txt", run.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Out);
    }

    [Fact]
    public async Task An_unknown_verb_is_a_usage_error_with_a_one_line_message()
    {
        var run = await CliRun.ExecuteAsync("nik", "frobnicate");
        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("'frobnicate'", run.Error, StringComparison.Ordinal);
    }
}
