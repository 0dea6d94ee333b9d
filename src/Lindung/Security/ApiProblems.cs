using Lindung.Features.Api;

namespace Lindung.Security;

/// <summary>Problem responses written by middleware, before any endpoint runs, in the caller's language.</summary>
internal static class ApiProblems
{
    public static Task WriteAsync(HttpContext context, int status, string code, string messageId, string messageEn) =>
        TypedResults.Problem(
            ApiLanguage.IsEnglish(context) ? messageEn : messageId, statusCode: status, title: code,
            extensions: new Dictionary<string, object?> { ["code"] = code })
        .ExecuteAsync(context);
}
