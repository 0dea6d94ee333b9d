using System.Globalization;
using Lindung.Application;
using Lindung.Localization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Lindung.Features.Shared;

/// <summary>
/// Form errors are stored as ui-text keys (<c>ModelState.AddModelError(field, "admin.error.region")</c>)
/// and rendered through the localizer, so each user reads them in their own language.
/// </summary>
internal static class FormErrors
{
    public static IEnumerable<string> KeysFor(this ModelStateDictionary state, string field) =>
        state.TryGetValue(field, out var entry) ? entry.Errors.Select(e => e.ErrorMessage) : [];

    public static IEnumerable<string> AllKeys(this ModelStateDictionary state) =>
        state.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).Distinct();

    /// <summary>
    /// A use case's refusals, already worded in the request's language (they carry both), under
    /// the form field each concerns; the localizer passes text that is not a key through unchanged.
    /// </summary>
    public static void AddUseCaseErrors(this ModelStateDictionary state, IEnumerable<UseCaseError> errors, Func<string?, string> fieldOf)
    {
        var english = Languages.IsEnglish(CultureInfo.CurrentUICulture);
        foreach (var error in errors)
        {
            state.AddModelError(fieldOf(error.Field), error.Message(english));
        }
    }
}
