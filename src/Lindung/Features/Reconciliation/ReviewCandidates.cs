using System.Globalization;
using Lindung.Data;
using Lindung.Domain.Reconciliation;

namespace Lindung.Features.Reconciliation;

/// <summary>
/// The candidate list of a review row as stored in one column (<c>kpj=score=METHOD;…</c>): at most
/// three short entries, read only together with their row, so a child table would buy nothing.
/// </summary>
internal static class ReviewCandidates
{
    public static string? Format(IReadOnlyList<ReviewCandidate> candidates) =>
        candidates.Count == 0
            ? null
            : string.Join(';', candidates.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Kpj}={c.Score:0.0000}={EnumCodes<MatchMethod>.ToCode(c.Method)}")));

    public static IReadOnlyList<ReviewCandidate> Parse(string? stored)
    {
        if (string.IsNullOrEmpty(stored))
        {
            return [];
        }

        return [.. stored.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(entry =>
        {
            var parts = entry.Split('=');
            return new ReviewCandidate(parts[0], double.Parse(parts[1], CultureInfo.InvariantCulture), EnumCodes<MatchMethod>.Parse(parts[2]));
        })];
    }
}
