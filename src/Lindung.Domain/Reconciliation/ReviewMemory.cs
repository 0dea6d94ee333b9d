namespace Lindung.Domain.Reconciliation;

/// <summary>A reviewer's answer for one roster-worker × membership pair.</summary>
/// <param name="RosterNik">The roster worker's NIK (16 digits).</param>
/// <param name="Kpj">The membership proposed for that worker.</param>
/// <param name="Accepted">True: they are the same person; false: never propose this pair again.</param>
/// <param name="Method">For an accepted pair, how it was matched when accepted (kept on later runs).</param>
/// <param name="Score">For an accepted pair, the model's score when accepted.</param>
public sealed record ReviewDecision(string RosterNik, string Kpj, bool Accepted, MatchMethod Method, double Score);

/// <summary>
/// Decisions taken in review, handed to the <see cref="Reconciler"/> so a run applies them: an
/// accepted pair is matched outright (method and score as accepted), a rejected pair is never a
/// candidate again. Reviewers then decide each pair once, however often reconciliation runs.
/// </summary>
public sealed class ReviewMemory
{
    private readonly Dictionary<string, ReviewDecision> _accepted = new(StringComparer.Ordinal);
    private readonly HashSet<(string Nik, string Kpj)> _rejected = [];

    public static ReviewMemory Empty { get; } = new([]);

    public ReviewMemory(IEnumerable<ReviewDecision> decisions)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        foreach (var decision in decisions)
        {
            if (decision.Accepted)
            {
                _accepted[decision.RosterNik] = decision;
            }
            else
            {
                _rejected.Add((decision.RosterNik, decision.Kpj));
            }
        }
    }

    public int Count => _accepted.Count + _rejected.Count;

    public ReviewDecision? AcceptedFor(string rosterNik) => _accepted.GetValueOrDefault(rosterNik);

    public bool IsRejected(string rosterNik, string kpj) => _rejected.Contains((rosterNik, kpj));
}
