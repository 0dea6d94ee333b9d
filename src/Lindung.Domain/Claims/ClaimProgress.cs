namespace Lindung.Domain.Claims;

/// <summary>
/// How a claim moves: forward only, reported → submitted → complete → paid (a step may be skipped:
/// a branch may pay a claim whose documents day it did not record), or rejected from any open
/// status. Paid and rejected are final. Staying in a status is always allowed, so its days and
/// amount can be corrected.
/// </summary>
public static class ClaimProgress
{
    public static bool MayMove(ClaimStatus from, ClaimStatus to) =>
        from == to || (!IsFinal(from) && (to == ClaimStatus.Rejected || Rank(to) > Rank(from)));

    public static bool IsFinal(ClaimStatus status) => status is ClaimStatus.Paid or ClaimStatus.Rejected;

    private static int Rank(ClaimStatus status) => status switch
    {
        ClaimStatus.Reported => 0,
        ClaimStatus.Submitted => 1,
        ClaimStatus.Complete => 2,
        ClaimStatus.Paid => 3,
        _ => 4,
    };
}
