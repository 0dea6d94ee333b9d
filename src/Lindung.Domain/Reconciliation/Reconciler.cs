using System.Globalization;
using Lindung.Domain.Identifiers;
using Lindung.Domain.Matching;
using Lindung.Domain.Rosters;

namespace Lindung.Domain.Reconciliation;

/// <summary>What reconciliation needs besides the data: the match model and the programs a covered worker must have.</summary>
public sealed record ReconcileSettings(MatchModel Model, ProgramSet RequiredPrograms)
{
    /// <summary>Agency non-ASN staff: JKK and JKM at least (Perpres 109/2013 staging for the smallest employers).</summary>
    public static ReconcileSettings Default { get; } = new(MatchModel.Default, ProgramSet.Jkk | ProgramSet.Jkm);
}

/// <summary>
/// Ties each roster row to at most one membership, in order: unusable rows; the exact NIK; a NIK
/// one typing slip from exactly one member's, confirmed by name and birth date; otherwise the best
/// candidate from the blocks, accepted only when it scores high and clearly above the runner-up.
/// A member is claimed automatically by one roster row at most; the others go to review.
/// Decisions taken in review (<see cref="ReviewMemory"/>) come first: an accepted pair is matched
/// outright, a rejected pair is never proposed again.
/// </summary>
public sealed class Reconciler(MemberIndex members, ReconcileSettings settings, ReviewMemory? memory = null)
{
    private const int MaxCandidates = 3;
    private readonly MatchModel _model = settings.Model;
    private readonly ReviewMemory _memory = memory ?? ReviewMemory.Empty;
    private int[] _seen = [];
    private int _stamp;

    public IReadOnlyList<ReconcileResult> Run(IEnumerable<RosterRecord> roster)
    {
        ArgumentNullException.ThrowIfNull(roster);
        _seen = new int[members.Count];
        var decisions = roster.Select(Decide).ToList();
        ResolveConflicts(decisions);
        return decisions.Select(Finish).ToArray();
    }

    private Decision Decide(RosterRecord row)
    {
        var check = members.Validator.Check(row.Nik, members.Today);
        var nik = MemberIndex.NikNumber(check);
        var nikUsable = nik != 0 && check.BirthDate is not null && !check.Errors.Contains(NikErrors.SerialZero);
        var probe = new Probe(
            PersonName.Normalize(row.Name),
            row.BirthDate ?? check.BirthDate,
            row.Sex ?? check.Sex,
            check.DistrictName is not null ? members.Intern(check.DistrictCode) : District(row.AreaCode),
            nikUsable ? nik : 0,
            check.Normalized ?? row.Nik.Trim());

        if (_memory.AcceptedFor(probe.Key) is { } accepted && members.TryFindKpj(accepted.Kpj, out var chosen))
        {
            return new Decision(row, ReconcileOutcome.CoveredActive, accepted.Method, accepted.Score, chosen);
        }

        if (!nikUsable && (probe.Name.Length == 0 || probe.BirthDate is null))
        {
            return new Decision(row, ReconcileOutcome.InvalidRow, MatchMethod.None, 0, -1);
        }

        if (nik != 0 && members.TryFindNik(nik, out var exact) && !Rejected(probe, exact))
        {
            // The same NIK under a different name is someone's NIK typed on the wrong row.
            var member = members[exact];
            var nameAgrees = probe.Name.Length == 0 || member.Name.Length == 0
                || NameSimilarity.Score(probe.Name, member.Name) >= _model.NikNameAtLeast;
            var score = Score(probe, member);
            return nameAgrees
                ? new Decision(row, ReconcileOutcome.CoveredActive, MatchMethod.Nik, 1, exact)
                : new Decision(row, ReconcileOutcome.NeedsReview, MatchMethod.None, score, -1) { Candidates = [new(exact, score, MatchMethod.Nik)] };
        }

        if (nik != 0 && Repair(probe, nik) is { } repaired)
        {
            return repaired with { Roster = row };
        }

        return probe.Name.Length == 0 ? new Decision(row, ReconcileOutcome.NotRegistered, MatchMethod.None, 0, -1) : Search(row, probe);
    }

    private Decision? Repair(Probe probe, long nik)
    {
        var found = -1;
        foreach (var neighbour in NikNeighbours.OneSlipAway(nik.ToString("D16", CultureInfo.InvariantCulture)))
        {
            if (members.TryFindNik(long.Parse(neighbour, CultureInfo.InvariantCulture), out var position) && !Rejected(probe, position))
            {
                if (found >= 0 && found != position)
                {
                    return null;
                }

                found = position;
            }
        }

        if (found < 0)
        {
            return null;
        }

        var score = Score(probe, members[found]);
        return score >= _model.RepairAt ? new Decision(null!, ReconcileOutcome.CoveredActive, MatchMethod.NikRepaired, score, found) : null;
    }

    private Decision Search(RosterRecord row, Probe probe)
    {
        _stamp++;
        var best = -1;
        var bestScore = 0.0;
        var runnerUp = 0.0;
        List<Candidate>? candidates = null;
        foreach (var key in CandidateKeys(probe))
        {
            foreach (var position in members.Block(key))
            {
                if (_seen[position] == _stamp)
                {
                    continue;
                }

                _seen[position] = _stamp;
                if (Rejected(probe, position))
                {
                    continue;
                }

                var member = members[position];
                var score = Score(probe, member, _model.ReviewAt);
                if (score >= _model.ReviewAt)
                {
                    (candidates ??= []).Add(new Candidate(position, score, CandidateMethod(probe, member)));
                }

                if (score > bestScore)
                {
                    // Two KPJs of one person (same NIK) are not rivals.
                    if (best < 0 || member.Nik == 0 || members[best].Nik != member.Nik)
                    {
                        runnerUp = bestScore;
                    }

                    (best, bestScore) = (position, score);
                }
                else if (score > runnerUp && (member.Nik == 0 || members[best].Nik != member.Nik))
                {
                    runnerUp = score;
                }
            }
        }

        if (best < 0 || bestScore < _model.ReviewAt)
        {
            return new Decision(row, ReconcileOutcome.NotRegistered, MatchMethod.None, bestScore, -1);
        }

        var shortlist = candidates is null ? [] : candidates.OrderByDescending(c => c.Score).Take(MaxCandidates).ToArray();

        // A roster NIK that is valid and far from the member's says "someone else", whatever the name.
        var nikConflict = probe.Nik != 0 && members[best].Nik != 0 && !OneSlipApart(probe.Nik, members[best].Nik);
        var clear = bestScore >= _model.AcceptAt && MatchModel.LeadBits(bestScore, runnerUp) >= _model.AcceptMarginBits;
        if (nikConflict)
        {
            var outcome = clear && bestScore >= _model.NikConflictReviewAt ? ReconcileOutcome.NeedsReview : ReconcileOutcome.NotRegistered;
            return new Decision(row, outcome, MatchMethod.None, bestScore, -1) { Candidates = outcome == ReconcileOutcome.NeedsReview ? shortlist : [] };
        }

        return clear
            ? new Decision(row, ReconcileOutcome.CoveredActive, MatchMethod.NameDob, bestScore, best)
            : new Decision(row, ReconcileOutcome.NeedsReview, MatchMethod.None, bestScore, -1) { Candidates = shortlist };
    }

    private bool Rejected(Probe probe, int position) => _memory.Count > 0 && _memory.IsRejected(probe.Key, members[position].Kpj);

    /// <summary>How the pair would be matched if a reviewer accepts it: a NIK one slip away counts as a repair.</summary>
    private static MatchMethod CandidateMethod(Probe probe, IndexedMember member) =>
        probe.Nik != 0 && member.Nik != 0 && (probe.Nik == member.Nik || OneSlipApart(probe.Nik, member.Nik))
            ? (probe.Nik == member.Nik ? MatchMethod.Nik : MatchMethod.NikRepaired)
            : MatchMethod.NameDob;

    private static IEnumerable<long> CandidateKeys(Probe probe)
    {
        foreach (var key in MemberIndex.BlockKeys(probe.Name, probe.BirthDate, probe.District))
        {
            yield return key;
        }

        // Day and month swapped (03/12 for 12/03) is the commonest date slip.
        if (probe.BirthDate is { } date && date.Day <= 12 && date.Day != date.Month)
        {
            yield return MemberIndex.BirthDateKey(new DateOnly(date.Year, date.Day, Math.Min(date.Month, DateTime.DaysInMonth(date.Year, date.Day))));
        }
    }

    /// <summary>
    /// The model's score; 0 without comparing names when even identical names could not lift the
    /// pair to <paramref name="floor"/> (most name-block candidates have another birth date).
    /// </summary>
    private double Score(Probe probe, IndexedMember member, double floor = 0)
    {
        var evidence = new MatchEvidence(
            1,
            MatchEvidence.CompareBirthDates(probe.BirthDate, member.BirthDate),
            MatchEvidence.Compare(probe.Sex, member.Sex),
            MatchEvidence.CompareRegions(probe.District, member.District));
        if (floor > 0 && _model.Score(evidence) < floor)
        {
            return 0;
        }

        return _model.Score(evidence with { NameScore = NameSimilarity.Score(probe.Name, member.Name) });
    }

    /// <summary>Best method, then best score, then the earlier row keeps the member; the rest go to review.</summary>
    private static void ResolveConflicts(List<Decision> decisions)
    {
        var claims = decisions
            .Select((d, i) => (Decision: d, Index: i))
            .Where(x => x.Decision.Member >= 0)
            .GroupBy(x => x.Decision.Member)
            .Where(g => g.Count() > 1);
        foreach (var claim in claims)
        {
            foreach (var (loser, index) in claim
                .OrderByDescending(x => x.Decision.Method == MatchMethod.Nik ? 3 : x.Decision.Method == MatchMethod.NikRepaired ? 2 : 1)
                .ThenByDescending(x => x.Decision.Score)
                .ThenBy(x => x.Index)
                .Skip(1))
            {
                decisions[index] = loser with
                {
                    Outcome = ReconcileOutcome.NeedsReview,
                    Method = MatchMethod.None,
                    Member = -1,
                    Candidates = [new(loser.Member, loser.Score, loser.Method)],
                };
            }
        }
    }

    private ReconcileResult Finish(Decision decision)
    {
        if (decision.Member < 0)
        {
            return new ReconcileResult(decision.Roster, decision.Outcome, MatchMethod.None, decision.Score, null, CoverageGap.None)
            {
                Candidates = [.. decision.Candidates.Select(c => new ReviewCandidate(members[c.Member].Kpj, c.Score, c.Method))],
            };
        }

        var member = members[decision.Member];
        var gaps = CoverageGap.None;
        if (member.Wage >= 0 && decision.Roster.Wage is { } wage && member.Wage < wage)
        {
            gaps |= CoverageGap.WageUnderreported;
        }

        if ((member.Programs & settings.RequiredPrograms) != settings.RequiredPrograms)
        {
            gaps |= CoverageGap.ProgramMissing;
        }

        var outcome = member.Active ? ReconcileOutcome.CoveredActive : ReconcileOutcome.CoveredInactive;
        return new ReconcileResult(decision.Roster, outcome, decision.Method, decision.Score, member.Kpj, gaps)
        {
            MemberWage = member.Wage >= 0 ? member.Wage : null,
            MemberPrograms = member.Programs,
        };
    }

    private string? District(string? areaCode) => areaCode is { Length: >= 8 } ? members.Intern(areaCode[..8]) : null;

    /// <summary>One digit different, or two adjacent digits swapped (see <see cref="NikNeighbours"/>).</summary>
    private static bool OneSlipApart(long a, long b)
    {
        Span<char> x = stackalloc char[16];
        Span<char> y = stackalloc char[16];
        a.TryFormat(x, out _, "D16", CultureInfo.InvariantCulture);
        b.TryFormat(y, out _, "D16", CultureInfo.InvariantCulture);
        var first = -1;
        var differences = 0;
        for (var i = 0; i < 16; i++)
        {
            if (x[i] != y[i])
            {
                first = first < 0 ? i : first;
                differences++;
            }
        }

        return differences == 1
            || (differences == 2 && first < 15 && x[first] == y[first + 1] && x[first + 1] == y[first]);
    }

    // Key: the roster NIK as review decisions are keyed, normalized when it could be, else as written.
    private sealed record Probe(string Name, DateOnly? BirthDate, Sex? Sex, string? District, long Nik, string Key);

    private sealed record Candidate(int Member, double Score, MatchMethod Method);

    private sealed record Decision(RosterRecord Roster, ReconcileOutcome Outcome, MatchMethod Method, double Score, int Member)
    {
        public IReadOnlyList<Candidate> Candidates { get; init; } = [];
    }
}
