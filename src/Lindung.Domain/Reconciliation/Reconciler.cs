using System.Collections.Concurrent;
using System.Globalization;
using Lindung.Domain.Identifiers;
using Lindung.Domain.Matching;
using Lindung.Domain.Rosters;

namespace Lindung.Domain.Reconciliation;

/// <summary>What reconciliation needs besides the data: the match model and the programs a covered worker must have.</summary>
public sealed record ReconcileSettings(MatchModel Model, ProgramSet RequiredPrograms)
{
    /// <summary>
    /// Match on the exact NIK only (no slip repair, no name search): the quick pass over whole
    /// extracts, whose unmatched rows a full run can then take up.
    /// </summary>
    public bool NikOnly { get; init; }

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
public sealed partial class Reconciler(MemberIndex members, ReconcileSettings settings, ReviewMemory? memory = null)
{
    private const int MaxCandidates = 3;
    private readonly MatchModel _model = settings.Model;
    private readonly ReviewMemory _memory = memory ?? ReviewMemory.Empty;

    private readonly MatchScorer _scorer = new(settings.Model);

    /// <summary>Skip the slipped dates when they cannot change the decision (off only to test that it never does).</summary>
    internal bool SlipShortcut { get; init; } = true;

    // Parallel.ForEach starts a fresh worker every few hundred milliseconds; each would otherwise
    // allocate (and the GC collect) a mark array the size of the extract.
    private readonly ConcurrentBag<Scratch> _scratches = [];

    public IReadOnlyList<ReconcileResult> Run(IEnumerable<RosterRecord> roster)
    {
        ArgumentNullException.ThrowIfNull(roster);
        var rows = roster as IReadOnlyList<RosterRecord> ?? roster.ToList();

        if (rows.Count == 0)
        {
            return [];
        }

        // Rows are decided independently (conflicts are settled after), so they split over the
        // cores in ranges, each worker with its own candidate scratch.
        var decisions = new Decision[rows.Count];
        Parallel.ForEach(
            Partitioner.Create(0, rows.Count, Math.Max(1024, rows.Count / (Environment.ProcessorCount * 8) + 1)),
            () => _scratches.TryTake(out var reused) ? reused : new Scratch(members.Count),
            (range, _, scratch) =>
            {
                for (var i = range.Item1; i < range.Item2; i++)
                {
                    decisions[i] = Decide(rows[i], scratch);
                }

                return scratch;
            },
            _scratches.Add);
        ResolveConflicts(decisions);
        return decisions.Select(Finish).ToArray();
    }

    /// <summary>
    /// A NIK-only run without holding the roster: rows are decided a batch at a time and their
    /// results handed on in roster order. Every claim of a NIK-only run is an exact NIK scoring 1,
    /// so <see cref="ResolveConflicts"/> reduces to "the earliest row keeps the member", which a
    /// stream can settle as it goes. Gives the same results as <see cref="Run"/>.
    /// </summary>
    public IEnumerable<ReconcileResult> Stream(IEnumerable<RosterRecord> roster, int batchSize = 16_384)
    {
        ArgumentNullException.ThrowIfNull(roster);
        if (!settings.NikOnly)
        {
            throw new InvalidOperationException("Only a NIK-only run can stream: a name search may claim a member an earlier row lost.");
        }

        return StreamBatches(roster, batchSize);
    }

    private IEnumerable<ReconcileResult> StreamBatches(IEnumerable<RosterRecord> roster, int batchSize)
    {
        var claimed = new bool[members.Count];
        var decisions = new Decision[batchSize];
        foreach (var batch in roster.Chunk(batchSize))
        {
            Parallel.ForEach(
                Partitioner.Create(0, batch.Length, Math.Max(256, batch.Length / Environment.ProcessorCount / 4)),
                range =>
                {
                    for (var i = range.Item1; i < range.Item2; i++)
                    {
                        decisions[i] = Decide(batch[i], Scratch.None);
                    }
                });
            for (var i = 0; i < batch.Length; i++)
            {
                var decision = decisions[i];
                if (decision.Member >= 0 && claimed[decision.Member])
                {
                    decision = decision with { Outcome = ReconcileOutcome.NeedsReview, Method = MatchMethod.None, Member = -1 };
                }
                else if (decision.Member >= 0)
                {
                    claimed[decision.Member] = true;
                }

                yield return Finish(decision);
            }
        }
    }

    private Decision Decide(RosterRecord row, Scratch scratch)
    {
        var check = MemberIndex.CheckKey(members.Validator, row.Nik, members.Today);
        var nik = MemberIndex.NikNumber(check);
        // A foreign worker's key (document and nationality) holds no birth date: it is exact or nothing.
        var foreign = ForeignIdentity.IsRegistryKey(check.Normalized);
        var nikUsable = nik != 0 && (foreign || (check.BirthDate is not null && !check.Errors.Contains(NikErrors.SerialZero)));
        var name = members.Names.Fold(row.Name);
        var district = check.DistrictName is not null ? check.CurrentDistrictCode : District(row.AreaCode);
        var folded = settings.NikOnly ? FoldedName.Empty : members.Split(name);
        var key = settings.NikOnly ? -1 : members.KeyId(folded);
        var probe = new Probe(
            name,
            row.BirthDate ?? check.BirthDate,
            row.Sex ?? check.Sex,
            district,
            nikUsable ? nik : 0,
            check.Normalized ?? row.Nik.Trim())
        {
            Folded = folded,
            DistrictNumber = MemberIndex.DistrictNumber(district),
            AreaDistrictNumber = MemberIndex.DistrictNumber(District(row.AreaCode)),
            NameKey = key,
            NameBearers = members.BearersOfKey(key),
        };

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

        if (settings.NikOnly)
        {
            return new Decision(row, ReconcileOutcome.NotRegistered, MatchMethod.None, 0, -1);
        }

        if (nik != 0 && !foreign && Repair(probe, nik) is { } repaired)
        {
            return repaired with { Roster = row };
        }

        return probe.Name.Length == 0 ? new Decision(row, ReconcileOutcome.NotRegistered, MatchMethod.None, 0, -1) : Search(row, probe, scratch);
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

    private bool Rejected(Probe probe, int position) => _memory.Count > 0 && _memory.IsRejected(probe.Key, members[position].Kpj);

    /// <summary>How the pair would be matched if a reviewer accepts it: a NIK one slip away counts as a repair.</summary>
    private static MatchMethod CandidateMethod(Probe probe, IndexedMember member) =>
        probe.Nik != 0 && member.Nik != 0 && (probe.Nik == member.Nik || OneSlipApart(probe.Nik, member.Nik))
            ? (probe.Nik == member.Nik ? MatchMethod.Nik : MatchMethod.NikRepaired)
            : MatchMethod.NameDob;

    /// <summary>The model's score of a pair (the NIK paths; the search scores through <see cref="MatchScorer"/>).</summary>
    private double Score(Probe probe, IndexedMember member) =>
        _model.Score(new MatchEvidence(
            NameSimilarity.Score(probe.Name, member.Name),
            MatchEvidence.CompareBirthDates(probe.BirthDate, member.BirthDate),
            MatchEvidence.Compare(probe.Sex, member.Sex),
            MatchEvidence.CompareRegions(probe.District, member.District)));

    /// <summary>Best method, then best score, then the earlier row keeps the member; the rest go to review.</summary>
    private static void ResolveConflicts(Decision[] decisions)
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

    private static string? District(string? areaCode) => areaCode is { Length: >= 8 } ? areaCode[..8] : null;

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

    /// <summary>One worker's marks of the members a search has already scored (stamped, so never cleared).</summary>
    private sealed class Scratch(int members)
    {
        public static readonly Scratch None = new(0);

        public int[] Seen { get; } = new int[members];

        public int Stamp { get; set; }
    }

    // Key: the roster NIK as review decisions are keyed, normalized when it could be, else as written.
    private sealed record Probe(string Name, DateOnly? BirthDate, Sex? Sex, string? District, long Nik, string Key)
    {
        public FoldedName Folded { get; init; } = FoldedName.Empty;

        public int DistrictNumber { get; init; } = -1;

        /// <summary>
        /// The district the row's own area column names, beside the NIK's: a NIK the search has to
        /// work around may carry a slipped or rounded district, and the column may name the right one.
        /// </summary>
        public int AreaDistrictNumber { get; init; } = -1;

        /// <summary>The id of the name's words in any order among the members' names, -1 when no member bears it.</summary>
        public int NameKey { get; init; } = -1;

        /// <summary>How many members bear the name (any word order).</summary>
        public int NameBearers { get; init; }

        public sbyte SexCode => Sex is { } sex ? (sbyte)sex : (sbyte)-1;
    }

    private sealed record Candidate(int Member, double Score, MatchMethod Method);

    private sealed record Decision(RosterRecord Roster, ReconcileOutcome Outcome, MatchMethod Method, double Score, int Member)
    {
        public IReadOnlyList<Candidate> Candidates { get; init; } = [];
    }
}
