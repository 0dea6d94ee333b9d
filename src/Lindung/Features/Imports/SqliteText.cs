using System.Globalization;
using System.Text;

namespace Lindung.Features.Imports;

/// <summary>
/// Ids and days as EF stores them in SQLite, upper-case GUID text and ISO dates: every writer that
/// bypasses EF (staging rows, statement parameters, rows written straight into the registry) must
/// spell them alike, or joins and EF's own reads would not meet them.
/// </summary>
internal static class SqliteText
{
    /// <summary>Room for the longest form (a GUID's 36 characters).</summary>
    public const int MaxLength = 36;

    public static ReadOnlySpan<byte> Write(object value, Span<byte> buffer)
    {
        int length;
        switch (value)
        {
            case Guid id:
                id.TryFormat(buffer, out length);
                Ascii.ToUpperInPlace(buffer[..length], out _);
                break;
            case DateOnly day:
                day.TryFormat(buffer, out length, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                break;
            default:
                throw new ArgumentException($"{value.GetType().Name} has no EF text form.", nameof(value));
        }

        return buffer[..length];
    }

    public static string ToText(object value) => Encoding.ASCII.GetString(Write(value, stackalloc byte[MaxLength]));
}
