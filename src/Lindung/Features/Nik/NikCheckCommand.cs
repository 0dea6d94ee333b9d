using System.Buffers;
using System.CommandLine;
using System.Text;
using System.Text.Json;
using Lindung.Cli;
using Lindung.Domain.Areas;
using Lindung.Domain.Identifiers;
using Lindung.Features.Shared;

namespace Lindung.Features.Nik;

/// <summary>
/// <c>lindung nik check [--file PATH]</c>: validates NIKs one per line (stdin by default) and writes
/// one JSON object per line. Invalid NIKs are reported, not fatal: the exit code stays 0.
/// </summary>
internal static class NikCheckCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Option<FileInfo?>("--file") { Description = "Read NIKs from this file instead of standard input." };
        var check = new Command("check", "Validate NIKs, one per line, and print one JSON object per line.") { file };
        check.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file);
            if (path is { Exists: false })
            {
                throw new UsageException($"File not found: {path.FullName}");
            }

            using var input = path is null ? null : new StreamReader(path.FullName, Encoding.UTF8);
            await RunAsync(input ?? console.In, console.Out, console.Clock, ct);
            return ExitCodes.Ok;
        });

        return new Command("nik", "NIK (Nomor Induk Kependudukan) tools.") { check };
    }

    private static async Task RunAsync(TextReader input, TextWriter output, TimeProvider clock, CancellationToken ct)
    {
        var validator = new NikValidator(AreaDirectory.Embedded);
        var today = clock.Today();
        var buffer = new ArrayBufferWriter<byte>(512);
        await using var json = new Utf8JsonWriter(buffer, CliJson.WriterOptions);
        while (await input.ReadLineAsync(ct) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            buffer.ResetWrittenCount();
            json.Reset(buffer);
            Write(json, validator.Check(line, today));
            json.Flush();
            await output.WriteLineAsync(Encoding.UTF8.GetString(buffer.WrittenSpan));
        }

        await output.FlushAsync(ct);
    }

    private static void Write(Utf8JsonWriter json, NikCheck check)
    {
        json.WriteStartObject();
        json.WriteString("nik", check.Input);
        json.WriteString("normalized", check.Normalized);
        json.WriteBoolean("valid", check.IsValid);
        json.WriteStartArray("errors");
        foreach (var error in check.Errors)
        {
            json.WriteStringValue(error.Code);
        }

        json.WriteEndArray();
        json.WriteString("province_code", check.ProvinceCode);
        json.WriteString("regency_code", check.RegencyCode);
        json.WriteString("district_code", check.DistrictCode);
        json.WriteString("current_district_code", check.CurrentDistrictCode);
        json.WriteString("district_name", check.DistrictName);
        json.WriteString("birth_date", check.BirthDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        json.WriteString("sex", check.Sex?.ToString());
        json.WriteEndObject();
    }
}
