using Lindung.Domain.Matching;
using Lindung.Domain.Rosters;

namespace Lindung.Domain.Reconciliation;

/// <summary>
/// The name search for a row no NIK settles. Candidates: on the row's birth date and on the
/// day/month-swapped date, the members of the row's district (and those whose district is unknown),
/// names compared with typos forgiven, and the members anywhere who bear the same name (its words
/// in any order); on each date one digit away, the members of the row's district. Members without a
/// birth date, or every member for a row without one, by district and name word. A candidate is
/// first judged on birth date, sex and district alone, then on the letters the names share, and its
/// name is compared only when it could still reach review. Typos are forgiven within the district,
/// not across the country: that keeps a row to a few dozen members at a million (see
/// docs/RECONCILIATION.md).
/// </summary>
public sealed partial class Reconciler
{
    private Decision Search(RosterRecord row, Probe probe, Scratch scratch)
    {
        var decision = Search(row, probe, scratch, SlipShortcut, out var skipped);

        // The shortcut below is only sound for a row matched automatically: any other outcome
        // shows its candidates (or turns on the runner-up), which the skipped dates may hold.
        // A search that skipped nothing was already the full one (most rows that do not match).
        return decision.Member < 0 && skipped ? Search(row, probe, scratch, shortcut: false, out _) : decision;
    }

    private Decision Search(RosterRecord row, Probe probe, Scratch scratch, bool shortcut, out bool skipped)
    {
        skipped = false;
        var hunt = new Hunt();
        if (probe.BirthDate is { } date)
        {
            var dates = members.Dates.ByDistrict;
            var district = probe.DistrictNumber >= 0 ? dates.District(probe.DistrictNumber) : default;
            var unknown = dates.District(-1);
            SearchDay(probe, date.DayNumber, district, unknown, BirthDateAgreement.Exact, ref hunt);
            var swapped = BirthDateSlips.Swapped(date)?.DayNumber ?? -1;
            if (swapped >= 0)
            {
                SearchDay(probe, swapped, district, unknown, BirthDateAgreement.Near, ref hunt);
            }

            skipped = probe.DistrictNumber >= 0 && shortcut && SlipsCannotMatter(probe, hunt);
            if (probe.DistrictNumber >= 0 && !skipped)
            {
                Span<int> slips = stackalloc int[BirthDateSlips.MaxOneDigitApart];
                var count = BirthDateSlips.OneDigitApart(date, slips);
                foreach (var day in slips[..count])
                {
                    if (day != swapped)
                    {
                        VisitRun(probe, dates.On(district, day), BirthDateAgreement.Near, ref hunt);
                    }
                }
            }
        }

        var byName = probe.BirthDate is null ? members.AllNames : members.DatelessNames;
        if (!byName.IsEmpty && probe.DistrictNumber >= 0)
        {
            var seen = scratch.Seen;
            var stamp = ++scratch.Stamp;
            foreach (var key in NameBlocks.Keys(probe.Name, probe.DistrictNumber))
            {
                foreach (var position in byName.Block(key))
                {
                    if (seen[position] != stamp)
                    {
                        seen[position] = stamp;
                        VisitMember(probe, position, BirthDateAgreement.Missing, ref hunt);
                    }
                }
            }
        }

        return Conclude(row, probe, hunt);
    }

    /// <summary>
    /// Whether the dates one digit away can no longer change an automatic match: the best so far
    /// would be accepted, and even an identical name on a slipped date in the row's district (the
    /// most such a member can score; a commoner name only scores less) stays the margin behind.
    /// Most rows that match end here, skipping about 48 date lookups.
    /// </summary>
    private bool SlipsCannotMatter(Probe probe, in Hunt hunt)
    {
        if (hunt.BestScore < _model.AcceptAt)
        {
            return false;
        }

        var slipped = MatchScorer.Combination(BirthDateAgreement.Near, FieldAgreement.Agree, RegionAgreement.SameDistrict);
        var nearAtMost = _scorer.Score(1, slipped, probe.NameBearers);
        return MatchModel.LeadBits(hunt.BestScore, Math.Max(hunt.RunnerUp, nearAtMost)) >= _model.AcceptMarginBits;
    }

    /// <summary>One day: its members of unknown district and in the row's district, then its namesakes elsewhere.</summary>
    private void SearchDay(Probe probe, int dayNumber, in DistrictDays own, in DistrictDays unknown, BirthDateAgreement birth, ref Hunt hunt)
    {
        var dates = members.Dates;
        VisitRun(probe, dates.ByDistrict.On(unknown, dayNumber), birth, ref hunt);
        if (probe.DistrictNumber >= 0)
        {
            VisitRun(probe, dates.ByDistrict.On(own, dayNumber), birth, ref hunt);
        }

        if (probe.NameKey >= 0)
        {
            foreach (var position in dates.SameName(dates.Day(dayNumber), probe.NameKey))
            {
                var district = members[position].DistrictNumber;
                if (district >= 0 && district != probe.DistrictNumber)
                {
                    VisitMember(probe, position, birth, ref hunt);
                }
            }
        }
    }

    /// <summary>A run of the birth-date order whose members all compare to the row's date alike.</summary>
    private void VisitRun(Probe probe, (int From, int To) run, BirthDateAgreement birth, ref Hunt hunt)
    {
        foreach (var member in members.Dates.ByDistrict.Members.AsSpan(run.From, run.To - run.From))
        {
            var combination = MatchScorer.Combination(
                birth, MatchScorer.CompareSex(probe.SexCode, member.Sex), Region(probe, member.District));
            if (!_scorer.CanReachReview(combination))
            {
                continue;
            }

            var name = members.Name(member.NameId);
            if (NameSimilarity.CanReach(probe.Folded, name, _scorer.NameNeeded(combination)) && !Rejected(probe, member.Position))
            {
                var score = _scorer.Score(NameSimilarity.Score(probe.Folded, name), combination, Bearers(probe, member.NameId));
                Consider(probe, member.Position, score, birth, ref hunt);
            }
        }
    }

    /// <summary>A member met one at a time: a namesake elsewhere, or through the name blocks (then one side has no birth date).</summary>
    private void VisitMember(Probe probe, int position, BirthDateAgreement birth, ref Hunt hunt)
    {
        var member = members[position];
        var combination = MatchScorer.Combination(
            birth, MatchScorer.CompareSex(probe.SexCode, member.SexCode), Region(probe, member.DistrictNumber));
        var name = members.Name(member.NameId);
        if (_scorer.CanReachReview(combination) && NameSimilarity.CanReach(probe.Folded, name, _scorer.NameNeeded(combination)) && !Rejected(probe, position))
        {
            var score = _scorer.Score(NameSimilarity.Score(probe.Folded, name), combination, Bearers(probe, member.NameId));
            Consider(probe, position, score, birth, ref hunt);
        }
    }

    /// <summary>Same district when either of the row's districts (the NIK's, the area column's) is the member's.</summary>
    private static RegionAgreement Region(Probe probe, int district)
    {
        var region = MatchScorer.CompareDistricts(probe.DistrictNumber, district);
        return region != RegionAgreement.SameDistrict && district >= 0 && probe.AreaDistrictNumber == district
            ? RegionAgreement.SameDistrict
            : region;
    }

    /// <summary>The more common of the two names decides how much their agreement proves (a typo or a dropped word borrows the other's count).</summary>
    private int Bearers(Probe probe, int memberNameId) => Math.Max(probe.NameBearers, members.BearersOfName(memberNameId));

    private void Consider(Probe probe, int position, double score, BirthDateAgreement birth, ref Hunt hunt)
    {
        if (score < _model.ReviewAt && score <= hunt.RunnerUp)
        {
            return;
        }

        var member = members[position];
        if (score >= _model.ReviewAt)
        {
            (hunt.Candidates ??= []).Add(new Candidate(position, score, CandidateMethod(probe, member)));
        }

        if (score > hunt.BestScore)
        {
            // Two KPJs of one person (same NIK) are not rivals.
            if (hunt.Best < 0 || member.Nik == 0 || members[hunt.Best].Nik != member.Nik)
            {
                hunt.RunnerUp = hunt.BestScore;
            }

            (hunt.Best, hunt.BestScore, hunt.BestBirth) = (position, score, birth);
        }
        else if (score > hunt.RunnerUp && (member.Nik == 0 || members[hunt.Best].Nik != member.Nik))
        {
            hunt.RunnerUp = score;
        }
    }

    private Decision Conclude(RosterRecord row, Probe probe, Hunt hunt)
    {
        var (best, bestScore, runnerUp) = (hunt.Best, hunt.BestScore, hunt.RunnerUp);
        if (best < 0 || bestScore < _model.ReviewAt)
        {
            return new Decision(row, ReconcileOutcome.NotRegistered, MatchMethod.None, bestScore, -1);
        }

        var shortlist = Shortlist(hunt.Candidates);

        // A roster NIK that is valid and far from the member's says "someone else", whatever the name.
        var nikConflict = probe.Nik != 0 && members[best].Nik != 0 && !OneSlipApart(probe.Nik, members[best].Nik);
        var clear = bestScore >= _model.AcceptAt && MatchModel.LeadBits(bestScore, runnerUp) >= _model.AcceptMarginBits;
        if (nikConflict)
        {
            var outcome = clear && bestScore >= _model.NikConflictReviewAt ? ReconcileOutcome.NeedsReview : ReconcileOutcome.NotRegistered;
            return new Decision(row, outcome, MatchMethod.None, bestScore, -1) { Candidates = outcome == ReconcileOutcome.NeedsReview ? shortlist : [] };
        }

        // A slipped birth date is also what a namesake born days apart looks like: a NIK one slip
        // away can vouch for it, the name alone cannot.
        var slipOnly = _model.NearBirthDateToReview && hunt.BestBirth == BirthDateAgreement.Near
            && CandidateMethod(probe, members[best]) == MatchMethod.NameDob;
        return clear && !slipOnly
            ? new Decision(row, ReconcileOutcome.CoveredActive, MatchMethod.NameDob, bestScore, best)
            : new Decision(row, ReconcileOutcome.NeedsReview, MatchMethod.None, bestScore, -1) { Candidates = shortlist };
    }

    /// <summary>The best few candidates, best first (ties in the order met): what a reviewer is shown.</summary>
    private static Candidate[] Shortlist(List<Candidate>? candidates)
    {
        if (candidates is null)
        {
            return [];
        }

        if (candidates.Count > 1)
        {
            // Stable: List.Sort is not, and the order met is the tie-break a reviewer has always seen.
            var ranked = candidates.Select((c, i) => (c, i)).ToArray();
            Array.Sort(ranked, (x, y) => x.c.Score != y.c.Score ? y.c.Score.CompareTo(x.c.Score) : x.i.CompareTo(y.i));
            return [.. ranked.Take(MaxCandidates).Select(x => x.c)];
        }

        return [candidates[0]];
    }

    /// <summary>The search's best candidate so far and the one behind it.</summary>
    private struct Hunt()
    {
        public int Best = -1;
        public double BestScore;
        public BirthDateAgreement BestBirth;
        public double RunnerUp;
        public List<Candidate>? Candidates;
    }
}
