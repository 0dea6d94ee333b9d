using Lindung.Domain.Identifiers;
using Lindung.Domain.Validation;

namespace Lindung.Domain.Rosters;

/// <summary>
/// A person as both files describe one: NIK, name, birth date and sex, checked against each other.
/// A foreign worker without a NIK has <see cref="Foreign"/> set and its registry key as <see cref="Nik"/>.
/// </summary>
public sealed record PersonCells(string Nik, string Name, DateOnly BirthDate, Sex Sex, ForeignIdentity? Foreign = null);

/// <summary>
/// The checks a roster and a membership extract share: the NIK rules, name, birth date and sex,
/// and that the birth date and sex agree with the NIK, and the in-file duplicate check.
/// </summary>
internal sealed class PersonChecker(NikValidator niks, DateOnly today)
{
    public const int MaxText = 200;

    /// <summary>
    /// Checks one row's person cells. A row with a NIK is checked by the NIK rules; a row whose NIK
    /// is blank but which names a travel document is a foreign worker, checked by document and
    /// nationality (<see cref="ForeignIdentity.Read"/>) and keyed by its registry key.
    /// </summary>
    /// <returns>The person when every cell passed; <paramref name="nik"/> is the normalised NIK (or foreign key) whenever it alone is valid.</returns>
    public PersonCells? Check(int row, PersonRow cells, ColumnNames columns, ICollection<RowProblem> problems, out string? nik)
    {
        var before = problems.Count;
        var person = PersonKey.Read(niks, cells.Nik, cells.Document, cells.Nationality, today);
        var (check, foreign) = (person.Nik, person.Foreign);
        AddIf(person.DocumentError, columns.Document);
        AddIf(person.NationalityError, columns.Nationality);
        nik = person.Key;
        foreach (var error in check.Errors)
        {
            problems.Add(new RowProblem(row, columns.Nik, error));
        }

        var (nameCell, birthCell, sexCell) = (cells.Name, cells.BirthDate, cells.Sex);

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

        return problems.Count == before ? new PersonCells(nik!, nameCell, birth!.Value, sex!.Value, foreign) : null;

        void AddIf(ValidationError? error, string column)
        {
            if (error is not null)
            {
                problems.Add(new RowProblem(row, column, error));
            }
        }
    }

    // The NIK holds a two-digit year: the century it implies is a guess, the day, month and year-in-century are not.
    private static bool SameBirthDate(DateOnly fromNik, DateOnly written) =>
        fromNik.Day == written.Day && fromNik.Month == written.Month && fromNik.Year % 100 == written.Year % 100;
}

/// <summary>The person cells of one row as written.</summary>
internal readonly record struct PersonRow(string Nik, string Name, string BirthDate, string Sex, string Document, string Nationality);

/// <summary>The canonical names of the person columns in one kind of file.</summary>
internal sealed record ColumnNames(string Nik, string Nama, string TanggalLahir, string JenisKelamin, string Document, string Nationality)
{
    /// <summary>The person cells of a row under these names.</summary>
    public PersonRow Cells(HeaderMap map, IReadOnlyList<string> fields) => new(
        map.Get(fields, Nik), map.Get(fields, Nama), map.Get(fields, TanggalLahir), map.Get(fields, JenisKelamin),
        map.Get(fields, Document), map.Get(fields, Nationality));
}

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
