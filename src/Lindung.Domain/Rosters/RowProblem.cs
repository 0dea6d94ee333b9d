using Lindung.Domain.Validation;

namespace Lindung.Domain.Rosters;

/// <summary>
/// One problem in one cell of an imported file: the spreadsheet row as the user sees it (the
/// header is row 1), the canonical column and the reason, with its code and both messages.
/// </summary>
public sealed record RowProblem(int Row, string Column, ValidationError Error);
