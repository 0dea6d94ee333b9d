using Lindung.Domain.Identifiers;

namespace Lindung.Domain.Rosters;

/// <summary>A person as both files describe one: NIK, name, birth date and sex, checked against each other.</summary>
public sealed record PersonCells(string Nik, string Name, DateOnly BirthDate, Sex Sex);

/// <summary>
/// The checks a roster and a membership extract share: the NIK rules, name, birth date and sex,
/// and that the birth date and sex agree with the NIK, and the in-file duplicate check.
/// </summary>
internal sealed class PersonChecker(NikValidator niks, DateOnly today)
{
    public const int MaxText = 200;

    /// <returns>The person when every cell passed; <paramref name="nik"/> is the normalised NIK whenever it alone is valid.</returns>
    public PersonCells? Check(int row, string nikCell, string nameCell, string birthCell, string sexCell, ColumnNames columns, ICollection<RowProblem> problems, out string? nik)
    {
        var before = problems.Count;
        var check = niks.Check(nikCell, today);
        nik = check.IsValid ? check.Normalized : null;
        foreach (var error in check.Errors)
        {
            problems.Add(new RowProblem(row, columns.Nik, error));
        }

        if (nameCell.Length == 0)
        {
            problems.Add(new RowProblem(row, columns.Nama, ImportErrors.NameEmpty));
        }
        else if (nameCell.Length > MaxText)
        {
            problems.Add(new RowProblem(row, columns.Nama, ImportErrors.TextTooLong));
        }

        var birth = FieldParser.Date(birthCell);
        if (birth is null)
        {
            problems.Add(new RowProblem(row, columns.TanggalLahir, birthCell.Length == 0 ? ImportErrors.DateEmpty : ImportErrors.DateInvalid));
        }
        else if (check.BirthDate is { } fromNik && !SameBirthDate(fromNik, birth.Value))
        {
            problems.Add(new RowProblem(row, columns.TanggalLahir, ImportErrors.NikBirthDateMismatch));
        }

        var sex = FieldParser.Sex(sexCell);
        if (sex is null)
        {
            problems.Add(new RowProblem(row, columns.JenisKelamin, ImportErrors.SexInvalid));
        }
        else if (check.Sex is { } sexFromNik && check.BirthDate is not null && sexFromNik != sex)
        {
            problems.Add(new RowProblem(row, columns.JenisKelamin, ImportErrors.NikSexMismatch));
        }

        return problems.Count == before ? new PersonCells(nik!, nameCell, birth!.Value, sex!.Value) : null;
    }

    // The NIK holds a two-digit year: the century it implies is a guess, the day, month and year-in-century are not.
    private static bool SameBirthDate(DateOnly fromNik, DateOnly written) =>
        fromNik.Day == written.Day && fromNik.Month == written.Month && fromNik.Year % 100 == written.Year % 100;
}

/// <summary>The canonical names of the person columns in one kind of file.</summary>
internal sealed record ColumnNames(string Nik, string Nama, string TanggalLahir, string JenisKelamin);

/// <summary>
/// Remembers which row first held each 16- or 11-digit key, as a number rather than a string so a
/// five-million-row file costs tens of megabytes, not hundreds.
/// </summary>
internal sealed class FirstRows
{
    private readonly Dictionary<long, int> _rows = [];

    /// <returns>The earlier row holding <paramref name="digits"/>, or null when this is the first.</returns>
    public int? Remember(string digits, int row)
    {
        var key = long.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
        if (_rows.TryGetValue(key, out var first))
        {
            return first;
        }

        _rows[key] = row;
        return null;
    }
}
