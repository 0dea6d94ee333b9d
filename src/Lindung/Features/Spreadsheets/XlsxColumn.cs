namespace Lindung.Features.Spreadsheets;

/// <summary>How a column's cells are stored and shown.</summary>
internal enum XlsxColumnKind
{
    /// <summary>Inline text, in a cell formatted as Text (@) so a NIK typed over it stays text.</summary>
    Text,

    /// <summary>A whole number shown with thousands separators (#,##0).</summary>
    Integer,

    /// <summary>An amount in rupiah, shown as "Rp" #,##0.</summary>
    Rupiah,

    /// <summary>A fraction shown as a percentage with one decimal (0.125 shows as 12.5%).</summary>
    Percent,

    /// <summary>A <see cref="DateOnly"/> or <see cref="DateTime"/> shown as dd/mm/yyyy.</summary>
    Date,
}

/// <summary>
/// One column of a sheet written by <see cref="XlsxWriter"/>: its header text, kind and width in
/// characters (0 picks a width from the header and the kind). <see cref="Sum"/> says whether
/// <see cref="XlsxSheetWriter.WriteTotals"/> adds it up; it defaults to true for integer and
/// rupiah columns.
/// </summary>
internal sealed record XlsxColumn(string Header, XlsxColumnKind Kind = XlsxColumnKind.Text, double Width = 0)
{
    public bool Sum { get; init; } = Kind is XlsxColumnKind.Integer or XlsxColumnKind.Rupiah;

    /// <summary>The width Excel is told, in characters of the default font.</summary>
    internal double EffectiveWidth => Width > 0 ? Width : Math.Clamp(Math.Max(Header.Length + 3, Kind switch
    {
        XlsxColumnKind.Rupiah => 16,
        XlsxColumnKind.Integer => 12,
        XlsxColumnKind.Percent => 9,
        XlsxColumnKind.Date => 12,
        _ => 14,
    }), 6, 60);
}
