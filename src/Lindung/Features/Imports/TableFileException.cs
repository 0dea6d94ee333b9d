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

    /// <summary>
    /// The error naming the file as its uploader called it: the readers name the file they opened,
    /// which for an upload is its stored name (a job id), meaningless to the user.
    /// </summary>
    public ValidationError ErrorFor(string openedPath, string originalFileName)
    {
        var opened = Path.GetFileName(openedPath);
        return opened.Length == 0 || opened == originalFileName
            ? Error
            : Error with
            {
                MessageId = Error.MessageId.Replace(opened, originalFileName, StringComparison.Ordinal),
                MessageEn = Error.MessageEn.Replace(opened, originalFileName, StringComparison.Ordinal),
            };
    }
}
