using Lindung.Domain.Areas;
using Lindung.Domain.Identifiers;

namespace Lindung.Domain.Rosters;

/// <summary>One roster row that passed every check, ready to store; codes are the registry's (HONORER, APBD, …).</summary>
public sealed record ValidRosterRow(
    int Row,
    PersonCells Person,
    string AreaCode,
    Guid AgencyId,
    string Category,
    long Wage,
    string? Position,
    DateOnly? StartDate,
    string Funding,
    string? Phone);

/// <summary>
/// Checks the rows of one agency roster in file order: the NIK rules, the birth date and sex against
/// the NIK, dates, category, wage, area code, that instansi names the agency being imported or one
/// of its units, and that no NIK appears twice (the later row is the one reported). Every problem
/// of a row is reported, not just the first. Stateful: one instance per file.
/// </summary>
public sealed class RosterRowValidator(NikValidator niks, AreaDirectory areas, AgencyMatcher agencies, DateOnly today)
{
    private static readonly ColumnNames Columns = new(
        RosterColumns.Nik, RosterColumns.Nama, RosterColumns.TanggalLahir, RosterColumns.JenisKelamin, RosterColumns.PasporKitas, RosterColumns.Kewarganegaraan);

    private readonly PersonChecker _people = new(niks, today);
    private readonly FirstRows _niks = new();

    /// <summary>
    /// Checks one row; <paramref name="nik"/> receives the row's NIK whenever the NIK alone is valid,
    /// so a row rejected for another reason still identifies its worker. Returns null when
    /// <paramref name="problems"/> received at least one problem for the row.
    /// </summary>
    public ValidRosterRow? Validate(int row, HeaderMap map, IReadOnlyList<string> fields, ICollection<RowProblem> problems, out string? nik)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(problems);
        var before = problems.Count;
        string Cell(string column) => map.Get(fields, column);

        var person = _people.Check(row, Columns.Cells(map, fields), Columns, problems, out nik);
        if (nik is not null && _niks.Remember(nik, row) is { } first)
        {
            problems.Add(new RowProblem(row, RosterColumns.Nik, ImportErrors.NikDuplicate(first)));
        }

        var area = AreaCode.Normalize(Cell(RosterColumns.KodeWilayah));
        if (area is null || area.Length < 5 || !areas.Exists(area))
        {
            problems.Add(new RowProblem(row, RosterColumns.KodeWilayah, ImportErrors.AreaUnknown));
        }

        var instansi = Cell(RosterColumns.Instansi);
        var agency = agencies.Match(instansi);
        if (agency is null)
        {
            problems.Add(new RowProblem(row, RosterColumns.Instansi, instansi.Length == 0 ? ImportErrors.AgencyEmpty : ImportErrors.AgencyMismatch));
        }

        var category = ImportVocabulary.Category(Cell(RosterColumns.Kategori));
        if (category is null or ImportVocabulary.Taspen)
        {
            problems.Add(new RowProblem(row, RosterColumns.Kategori, category is null ? ImportErrors.CategoryUnknown : ImportErrors.CategoryTaspen));
        }

        var wage = WageOrPackage(row, RosterColumns.Upah, Cell(RosterColumns.Upah), category == ImportVocabulary.MigrantCategory, problems);
        var position = Cell(RosterColumns.Jabatan);
        if (position.Length > PersonChecker.MaxText)
        {
            problems.Add(new RowProblem(row, RosterColumns.Jabatan, ImportErrors.TextTooLong));
        }

        var startCell = Cell(RosterColumns.TanggalMulai);
        var start = FieldParser.Date(startCell);
        if (startCell.Length > 0 && start is null)
        {
            problems.Add(new RowProblem(row, RosterColumns.TanggalMulai, ImportErrors.DateInvalid));
        }

        var fundingCell = Cell(RosterColumns.SumberDana);
        var funding = fundingCell.Length == 0 ? "APBD" : ImportVocabulary.FundingSource(fundingCell);
        if (funding is null)
        {
            problems.Add(new RowProblem(row, RosterColumns.SumberDana, ImportErrors.FundingUnknown));
        }

        var phone = Phone(Cell(RosterColumns.NoHp));
        if (phone is { Length: 0 })
        {
            problems.Add(new RowProblem(row, RosterColumns.NoHp, ImportErrors.PhoneInvalid));
        }

        return problems.Count > before
            ? null
            : new ValidRosterRow(row, person!, area!, agency!.Value, category!, wage!.Value, position.Length == 0 ? null : position, start, funding!, phone);
    }

    /// <summary>
    /// <see cref="Wage"/>, except that a migrant worker (PMI) may leave it blank: PMI pay fixed
    /// packages, not a share of a wage (DOMAIN §5), so a blank is stored as 0, "no wage".
    /// </summary>
    internal static long? WageOrPackage(int row, string column, string cell, bool migrant, ICollection<RowProblem> problems) =>
        migrant && string.IsNullOrWhiteSpace(cell) ? 0 : Wage(row, column, cell, problems);

    /// <summary>A wage that is a positive whole rupiah amount, at most <see cref="WageText.MaxMonthly"/>; shared with the membership extract.</summary>
    internal static long? Wage(int row, string column, string cell, ICollection<RowProblem> problems)
    {
        var reading = WageText.Read(cell, out var wage);
        var error = reading switch
        {
            WageReading.Unreadable => ImportErrors.WageInvalid,
            WageReading.TooLarge => ImportErrors.WageTooLarge,
            _ => wage <= 0 ? ImportErrors.WageNotPositive : null,
        };
        if (error is not null)
        {
            problems.Add(new RowProblem(row, column, error));
            return null;
        }

        return wage;
    }

    /// <summary>Digits only (a leading +62 kept as 62); null for a blank cell, empty for an impossible number.</summary>
    private static string? Phone(string cell)
    {
        if (cell.Length == 0)
        {
            return null;
        }

        var digits = new string(cell.Where(char.IsAsciiDigit).ToArray());
        var onlySeparators = cell.All(c => char.IsAsciiDigit(c) || c is ' ' or '-' or '.' or '+' or '(' or ')' or '\'');
        return onlySeparators && digits.Length is >= 8 and <= 15 ? digits : string.Empty;
    }
}
