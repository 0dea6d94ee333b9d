using System.Text.Encodings.Web;
using System.Text.Json;

namespace Lindung.Cli;

/// <summary>
/// JSON settings for command output. Output goes to terminals and files, never into HTML, so
/// apostrophes, plus signs and Indonesian letters are written as they are.
/// </summary>
internal static class CliJson
{
    public static JsonWriterOptions WriterOptions { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonSerializerOptions SerializerOptions { get; } = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
    };
}
