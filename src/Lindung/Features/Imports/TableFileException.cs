using Lindung.Domain.Validation;

namespace Lindung.Features.Imports;

/// <summary>
/// A file that cannot be read as a table at all (an old .xls, a damaged workbook, a sheet name
/// that is not there). <see cref="Error"/> carries the code and both languages for the web; the
/// exception message holds both for the command line and logs.
/// </summary>
internal sealed class TableFileException(ValidationError error)
    : Exception($"{error.MessageEn} / {error.MessageId}")
{
    public ValidationError Error { get; } = error;
}
