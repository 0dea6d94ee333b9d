using Lindung.Domain.Contributions;

namespace Lindung.Domain.Compliance;

/// <summary>
/// What the registry knows about one employer, counted by the caller (in SQL) so that the rules
/// stay pure. Members are the employer's open PU participations under its NPP; known workers are
/// the open employments recorded for the employer (rosters, contracts).
/// </summary>
public sealed record EmployerFacts
{
    public string? Npp { get; init; }

    /// <summary>Null when the registry does not know the size; then only JKK and JKM are required.</summary>
    public BusinessSize? Size { get; init; }

    public int ActiveMembers { get; init; }

    /// <summary>The most recent iuran month paid for any active member: the employer's last payment.</summary>
    public DateOnly? LastPaidMonth { get; init; }

    /// <summary>The membership extract the figures come from (the latest one behind the active members).</summary>
    public Guid? ExtractId { get; init; }

    /// <summary>The day that extract was loaded: arrears are judged as of that day, not today, so an old extract does not invent arrears.</summary>
    public DateOnly? ExtractDate { get; init; }

    public int KnownWorkers { get; init; }

    /// <summary>Known workers with no active PU participation under the employer's NPP.</summary>
    public int KnownWorkersNotEnrolled { get; init; }

    /// <summary>Members whose reported wage is below the wage the registry records for their job here.</summary>
    public int MembersWageBelowPayroll { get; init; }

    /// <summary>Members lacking a program the employer's size requires (Perpres 109/2013).</summary>
    public int MembersMissingPrograms { get; init; }

    /// <summary>An open enforcement case at TMP2T or beyond: Pemda services are withheld (PP 86/2013 Pasal 9).</summary>
    public ActiveSanction? Sanction { get; init; }
}

/// <summary>The enforcement case behind a sanction in force: its number, since when, and the branch region that asked.</summary>
public sealed record ActiveSanction(Guid CaseId, string CaseNumber, DateOnly Since, string RegionCode);
