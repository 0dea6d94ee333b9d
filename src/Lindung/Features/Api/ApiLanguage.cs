using Lindung.Application;
using Lindung.Domain.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lindung.Features.Api;

/// <summary>
/// Language of API messages: <c>?lang=en|id</c>, else the first of Accept-Language that is English or
/// Indonesian, else Indonesian. Unlike pages, machine clients have no cookie to carry a choice.
/// </summary>
internal static class ApiLanguage
{
    public static bool IsEnglish(HttpContext context)
    {
        if (context.Request.Query["lang"].FirstOrDefault() is { Length: > 0 } lang)
        {
            return lang.StartsWith("en", StringComparison.OrdinalIgnoreCase);
        }

        var accepted = context.Request.GetTypedHeaders().AcceptLanguage
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value ?? string.Empty)
            .FirstOrDefault(l => l.StartsWith("en", StringComparison.OrdinalIgnoreCase) || l.StartsWith("id", StringComparison.OrdinalIgnoreCase));
        return accepted?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true;
    }

    /// <summary>A 400 problem with one message per field in the caller's language, and the stable codes beside them.</summary>
    public static ValidationProblem Problem(HttpContext context, IReadOnlyDictionary<string, ValidationError> errors)
    {
        var english = IsEnglish(context);
        return TypedResults.ValidationProblem(
            errors.ToDictionary(e => e.Key, e => new[] { e.Value.Message(english) }, StringComparer.Ordinal),
            title: english ? "The request has invalid fields." : "Permintaan memuat isian yang tidak sah.",
            extensions: new Dictionary<string, object?> { ["codes"] = errors.ToDictionary(e => e.Key, e => e.Value.Code, StringComparer.Ordinal) });
    }

    /// <summary>A use case's errors as a 400 problem; an error without a field is reported under <paramref name="defaultField"/>, and the first error per field wins.</summary>
    public static ValidationProblem Problem(HttpContext context, IReadOnlyList<UseCaseError> errors, string defaultField) =>
        Problem(context, errors.GroupBy(e => e.Field ?? defaultField, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Error, StringComparer.Ordinal));

    /// <summary>One field's error as a 400 problem.</summary>
    public static ValidationProblem Problem(HttpContext context, string field, ValidationError error) =>
        Problem(context, new Dictionary<string, ValidationError>(StringComparer.Ordinal) { [field] = error });
}
