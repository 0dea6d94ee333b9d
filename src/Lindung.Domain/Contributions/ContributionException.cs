namespace Lindung.Domain.Contributions;

/// <summary>
/// A contribution cannot be computed: the input is outside the rules, or no rate is in force for
/// the month. There is no partial answer for a single computation, so this is thrown rather than
/// returned; callers show <see cref="Exception.Message"/> (English, then Bahasa Indonesia).
/// </summary>
public sealed class ContributionException : Exception
{
    public ContributionException(string code, string english, string indonesian)
        : base($"{english} / {indonesian}")
    {
        Code = code;
        English = english;
        Indonesian = indonesian;
    }

    /// <summary>Stable machine code, e.g. <c>rate_missing</c> or <c>income_below_minimum</c>.</summary>
    public string Code { get; }

    public string English { get; }

    public string Indonesian { get; }
}
