using Lindung.Domain.Contributions;
using Lindung.Domain.Identifiers;

namespace Lindung.Domain.Rosters;

/// <summary>One membership row that passed every check, ready to store.</summary>
public sealed record ValidMemberRow(
    int Row,
    string Kpj,
    PersonCells Person,
    Segment Segment,
    string? Npp,
    bool Active,
    ProgramSet Programs,
    long Wage,
    DateOnly? MemberSince,
    DateOnly? LastPaidMonth);

/// <summary>
/// Checks the rows of one BPJS Ketenagakerjaan membership extract in file order: KPJ present,
/// 11 digits and unique in the file (the later row is reported), the person cells as on a roster,
/// segment, NPP, status, programs and reported wage. One person may hold several KPJs, so a NIK
/// may repeat. Stateful: one instance per file.
/// </summary>
public sealed class MemberRowValidator(NikValidator niks, DateOnly today)
{
    private static readonly ColumnNames Columns = new(
        MemberColumns.Nik, MemberColumns.Nama, MemberColumns.TanggalLahir, MemberColumns.JenisKelamin, MemberColumns.PasporKitas, MemberColumns.Kewarganegaraan);

    private readonly PersonChecker _people = new(niks, today);
    private readonly FirstRows _kpjs = new();

    /// <returns>The row, or null when <paramref name="problems"/> received at least one problem for it.</returns>
    public ValidMemberRow? Validate(int row, HeaderMap map, IReadOnlyList<string> fields, ICollection<RowProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(problems);
        var before = problems.Count;
        string Cell(string column) => map.Get(fields, column);

        var kpj = Kpj(row, Cell(MemberColumns.Kpj), problems);
        if (kpj is not null && _kpjs.Remember(kpj, row) is { } first)
        {
            problems.Add(new RowProblem(row, MemberColumns.Kpj, ImportErrors.KpjDuplicate(first)));
        }

        var person = _people.Check(row, Columns.Cells(map, fields), Columns, problems, out _);

        var segment = ImportVocabulary.SegmentOf(Cell(MemberColumns.Segmen));
        if (segment is null)
        {
            problems.Add(new RowProblem(row, MemberColumns.Segmen, ImportErrors.SegmentUnknown));
        }

        var npp = Cell(MemberColumns.Npp).TrimStart('\'');
        if (npp.Length > 8 || !npp.All(char.IsAsciiLetterOrDigit))
        {
            problems.Add(new RowProblem(row, MemberColumns.Npp, ImportErrors.NppInvalid));
        }

        var active = ImportVocabulary.IsActive(Cell(MemberColumns.Status));
        if (active is null)
        {
            problems.Add(new RowProblem(row, MemberColumns.Status, ImportErrors.StatusUnknown));
        }

        var programs = ImportVocabulary.Programs(Cell(MemberColumns.Program));
        if (programs is null or ProgramSet.None)
        {
            problems.Add(new RowProblem(row, MemberColumns.Program, programs is null ? ImportErrors.ProgramUnknown : ImportErrors.ProgramEmpty));
        }

        var wage = RosterRowValidator.WageOrPackage(row, MemberColumns.UpahDilaporkan, Cell(MemberColumns.UpahDilaporkan), segment == Segment.Pmi, problems);

        var sinceCell = Cell(MemberColumns.TanggalKepesertaan);
        var since = FieldParser.Date(sinceCell);
        if (sinceCell.Length > 0 && since is null)
        {
            problems.Add(new RowProblem(row, MemberColumns.TanggalKepesertaan, ImportErrors.DateInvalid));
        }

        var lastPaidCell = Cell(MemberColumns.BulanIuranTerakhir);
        var lastPaid = ImportVocabulary.Month(lastPaidCell);
        if (lastPaidCell.Length > 0 && lastPaid is null)
        {
            problems.Add(new RowProblem(row, MemberColumns.BulanIuranTerakhir, ImportErrors.MonthInvalid));
        }

        return problems.Count > before
            ? null
            : new ValidMemberRow(row, kpj!, person!, segment!.Value, npp.Length == 0 ? null : npp, active!.Value, programs!.Value, wage!.Value, since, lastPaid);
    }

    private static string? Kpj(int row, string cell, ICollection<RowProblem> problems)
    {
        // Spreadsheets damage a KPJ the way they damage a NIK: same repair, same refusal of 1.2E+10.
        switch (NikRepair.Clean(cell, out var digits))
        {
            case NikRepair.Outcome.Empty:
                problems.Add(new RowProblem(row, MemberColumns.Kpj, ImportErrors.KpjEmpty));
                return null;
            case NikRepair.Outcome.ScientificNotation:
                problems.Add(new RowProblem(row, MemberColumns.Kpj, ImportErrors.KpjInvalid));
                return null;
        }

        if (digits.Length != 11 || !digits.All(char.IsAsciiDigit))
        {
            problems.Add(new RowProblem(row, MemberColumns.Kpj, ImportErrors.KpjInvalid));
            return null;
        }

        return digits;
    }
}
