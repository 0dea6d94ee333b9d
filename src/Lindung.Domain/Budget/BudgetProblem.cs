using Lindung.Domain.Validation;

namespace Lindung.Domain.Budget;

/// <summary>One reason a scenario cannot be planned, and the field it concerns (e.g. <c>groups[1].income</c>), or null for the whole scenario.</summary>
public sealed record BudgetProblem(string? Field, ValidationError Error)
{
    public static BudgetProblem Of(string? field, string code, string messageId, string messageEn) =>
        new(field, new ValidationError(code, messageId, messageEn));
}
