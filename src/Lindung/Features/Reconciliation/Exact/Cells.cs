using System.Runtime.CompilerServices;
using System.Text;
using Lindung.Domain.Reconciliation;
using Lindung.Domain.Rosters;

namespace Lindung.Features.Reconciliation.Exact;

/// <summary>
/// Cell values read from raw CSV bytes exactly as the general path reads them from strings
/// (<see cref="HeaderMap.Get"/> trims, <see cref="FieldParser"/> parses): the plain shapes that
/// fill big files are read in place, anything else is decoded and handed to the same parsers.
/// </summary>
internal static class Cells
{
    /// <summary>The trimmed text of a raw field as UTF-8; the field itself when nothing needs undoing.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ReadOnlySpan<byte> Content(ReadOnlySpan<byte> raw, ref byte[] scratch)
    {
        if (raw.Length == 0 || (raw[0] != (byte)'"' && IsPlainEnd(raw[0]) && IsPlainEnd(raw[^1])))
        {
            return raw;
        }

        var text = Text(raw);
        var length = Encoding.UTF8.GetByteCount(text);
        if (scratch.Length < length)
        {
            scratch = new byte[Math.Max(length, scratch.Length * 2)];
        }

        return scratch.AsSpan(0, Encoding.UTF8.GetBytes(text, scratch));
    }

    /// <summary>The trimmed text of a raw field, as <see cref="HeaderMap.Get"/> gives it.</summary>
    public static string Text(ReadOnlySpan<byte> raw) => CsvBytes.Text(raw).Trim();

    /// <summary>
    /// <see cref="MemberIndex.NikKey"/> of the cell; <paramref name="digits"/> is the cell when it
    /// is 16 plain digits after trimming, else empty.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static long NikKey(ReadOnlySpan<byte> raw, out ReadOnlySpan<byte> digits)
    {
        digits = Unquoted(raw) ? raw.Trim(" \t"u8) : [];
        if (digits.Length == 16 && !digits.ContainsAnyExceptInRange((byte)'0', (byte)'9'))
        {
            return Number(digits);
        }

        digits = [];
        return MemberIndex.NikKey(Text(raw));
    }

    /// <summary><see cref="FieldParser.Wage"/> of the cell.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static long? Wage(ReadOnlySpan<byte> raw)
    {
        var digits = Unquoted(raw) ? raw.Trim(" \t"u8) : [];
        if (digits.Length is > 0 and <= 18 && !digits.ContainsAnyExceptInRange((byte)'0', (byte)'9'))
        {
            // 18 digits cannot overflow; the bound is FieldParser's.
            var wage = Number(digits);
            return wage <= WageText.MaxMonthly ? wage : null;
        }

        return FieldParser.Wage(Text(raw));
    }

    private static bool Unquoted(ReadOnlySpan<byte> raw) => raw.Length == 0 || raw[0] != (byte)'"';

    private static bool IsPlainEnd(byte b) => b is > 0x20 and < 0x7F;

    private static long Number(ReadOnlySpan<byte> digits)
    {
        long value = 0;
        foreach (var d in digits)
        {
            value = (value * 10) + (d - (byte)'0');
        }

        return value;
    }
}

/// <summary>
/// A parser's answers remembered by the raw bytes of the cell: a status or program column holds a
/// handful of distinct values over millions of rows. Stops remembering past a few dozen values.
/// </summary>
internal sealed class CellCache<T>(Func<string, T> parse)
{
    private const int Capacity = 32;
    private readonly List<(byte[] Raw, T Value)> _known = [];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public T Get(ReadOnlySpan<byte> raw)
    {
        foreach (var (known, value) in _known)
        {
            if (raw.SequenceEqual(known))
            {
                return value;
            }
        }

        var parsed = parse(Cells.Text(raw));
        if (_known.Count < Capacity)
        {
            _known.Add((raw.ToArray(), parsed));
        }

        return parsed;
    }
}
