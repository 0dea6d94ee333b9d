using Lindung.Domain.Rosters;

namespace Lindung.Domain.Reconciliation;

/// <summary>What reconciliation concluded about one roster row; every row gets exactly one.</summary>
public enum ReconcileOutcome
{
    CoveredActive,
    CoveredInactive,
    NotRegistered,
    NeedsReview,
    InvalidRow,
}

/// <summary>How a roster row was tied to a membership.</summary>
public enum MatchMethod
{
    None,

    /// <summary>The roster NIK (after spreadsheet repair) equals the member's NIK.</summary>
    Nik,

    /// <summary>The roster NIK is one typing slip from exactly one member's, and name and birth date confirm it.</summary>
    NikRepaired,

    /// <summary>No NIK hit; name, birth date, sex and district scored high and clearly above any other candidate.</summary>
    NameDob,
}

/// <summary>Ways a covered worker is covered less than the roster says (PDS Upah, PDS Program; DOMAIN §6.1).</summary>
[Flags]
public enum CoverageGap
{
    None = 0,
    WageUnderreported = 1,
    ProgramMissing = 2,
}

/// <summary>
/// One roster row's outcome. <see cref="Kpj"/> is set for covered rows only; <see cref="Score"/> is
/// 1 for an exact NIK, the model's posterior otherwise, the best candidate's for review rows.
/// </summary>
public sealed record ReconcileResult(RosterRecord Roster, ReconcileOutcome Outcome, MatchMethod Method, double Score, string? Kpj, CoverageGap Gaps)
{
    /// <summary>For review rows: the memberships a reviewer should compare, best first.</summary>
    public IReadOnlyList<ReviewCandidate> Candidates { get; init; } = [];

    /// <summary>For covered rows: the wage the membership reports (null when the extract has none).</summary>
    public long? MemberWage { get; init; }

    /// <summary>For covered rows: the programs the membership has.</summary>
    public ProgramSet MemberPrograms { get; init; }

    public bool IsCovered => Outcome is ReconcileOutcome.CoveredActive or ReconcileOutcome.CoveredInactive;
}

/// <summary>One membership proposed for a roster row in review, with the model's score for the pair.</summary>
public sealed record ReviewCandidate(string Kpj, double Score, MatchMethod Method);

/// <summary>The stable codes written to files and shown to users.</summary>
public static class ReconcileCodes
{
    public static string Of(ReconcileOutcome outcome) => outcome switch
    {
        ReconcileOutcome.CoveredActive => "COVERED_ACTIVE",
        ReconcileOutcome.CoveredInactive => "COVERED_INACTIVE",
        ReconcileOutcome.NotRegistered => "NOT_REGISTERED",
        ReconcileOutcome.NeedsReview => "NEEDS_REVIEW",
        ReconcileOutcome.InvalidRow => "INVALID_ROW",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    public static string Of(MatchMethod method) => method switch
    {
        MatchMethod.None => string.Empty,
        MatchMethod.Nik => "NIK",
        MatchMethod.NikRepaired => "NIK_REPAIRED",
        MatchMethod.NameDob => "NAME_DOB",
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, null),
    };

    public static string Of(CoverageGap gaps)
    {
        var codes = new List<string>(2);
        if (gaps.HasFlag(CoverageGap.WageUnderreported))
        {
            codes.Add("WAGE_UNDERREPORTED");
        }

        if (gaps.HasFlag(CoverageGap.ProgramMissing))
        {
            codes.Add("PROGRAM_MISSING");
        }

        return string.Join(';', codes);
    }

    /// <summary>Reads "JKK,JKM,JHT" (any separator); null when a name is not a program.</summary>
    public static ProgramSet? ParsePrograms(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = text.Split([',', ';', '+', ' '], StringSplitOptions.RemoveEmptyEntries);
        var set = ProgramSet.None;
        foreach (var token in tokens)
        {
            var one = FieldParser.Programs(token);
            if (one == ProgramSet.None)
            {
                return null;
            }

            set |= one;
        }

        return set;
    }
}
