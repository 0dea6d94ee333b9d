using Lindung.Application;
using Lindung.Domain.Rosters;

namespace Lindung.Features.Imports;

/// <summary>
/// The optional cells of a small import (contracts, claims), read one way: an empty cell is null;
/// a cell that cannot be read is null too, and its named error is added, so the rules' "required"
/// error for the same field can be left out.
/// </summary>
internal static class ImportCells
{
    /// <summary>A date as <see cref="FieldParser.Date"/> reads it (ISO, dd/mm/yyyy, an Excel date).</summary>
    public static DateOnly? Date(string cell, UseCaseError unreadable, List<UseCaseError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrEmpty(cell))
        {
            return null;
        }

        var date = FieldParser.Date(cell);
        if (date is null)
        {
            errors.Add(unreadable);
        }

        return date;
    }

    /// <summary>A rupiah amount as <see cref="WageText.Read(string?, long, out long)"/> reads it, up to <paramref name="max"/>.</summary>
    public static long? Amount(string cell, long max, UseCaseError unreadable, UseCaseError tooLarge, List<UseCaseError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrEmpty(cell))
        {
            return null;
        }

        switch (WageText.Read(cell, max, out var amount))
        {
            case WageReading.Read:
                return amount;
            case WageReading.TooLarge:
                errors.Add(tooLarge);
                return null;
            default:
                errors.Add(unreadable);
                return null;
        }
    }
}
