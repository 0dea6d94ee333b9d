using Lindung.Domain.Identifiers;

namespace Lindung.Domain.Rosters;

/// <summary>
/// One worker on an agency roster, as read: the NIK and name exactly as written (for the report),
/// the rest parsed. <see cref="Row"/> is the spreadsheet row number, the header being row 1.
/// </summary>
public sealed record RosterRecord(int Row, string Nik, string Name, DateOnly? BirthDate, Sex? Sex, string? AreaCode, long? Wage)
{
    public static RosterRecord From(int row, HeaderMap map, IReadOnlyList<string> fields)
    {
        ArgumentNullException.ThrowIfNull(map);
        return new RosterRecord(
            row,
            map.Get(fields, RosterColumns.Nik),
            map.Get(fields, RosterColumns.Nama),
            FieldParser.Date(map.Get(fields, RosterColumns.TanggalLahir)),
            FieldParser.Sex(map.Get(fields, RosterColumns.JenisKelamin)),
            Areas.AreaCode.Normalize(map.Get(fields, RosterColumns.KodeWilayah)),
            FieldParser.Wage(map.Get(fields, RosterColumns.Upah)));
    }
}

/// <summary>One membership (KPJ) from a BPJS Ketenagakerjaan extract, as read.</summary>
public sealed record MemberRecord(string Kpj, string Nik, string Name, DateOnly? BirthDate, Sex? Sex, bool Active, ProgramSet Programs, long? Wage)
{
    public static MemberRecord From(HeaderMap map, IReadOnlyList<string> fields)
    {
        ArgumentNullException.ThrowIfNull(map);
        return new MemberRecord(
            map.Get(fields, MemberColumns.Kpj),
            map.Get(fields, MemberColumns.Nik),
            map.Get(fields, MemberColumns.Nama),
            FieldParser.Date(map.Get(fields, MemberColumns.TanggalLahir)),
            FieldParser.Sex(map.Get(fields, MemberColumns.JenisKelamin)),
            FieldParser.IsActive(map.Get(fields, MemberColumns.Status)),
            FieldParser.Programs(map.Get(fields, MemberColumns.Program)),
            FieldParser.Wage(map.Get(fields, MemberColumns.UpahDilaporkan)));
    }
}
