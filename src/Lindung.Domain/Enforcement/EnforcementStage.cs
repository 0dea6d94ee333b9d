namespace Lindung.Domain.Enforcement;

/// <summary>
/// The administrative-sanction ladder of PP 86/2013 (DOMAIN §6.3, §6.4), in the order a case climbs
/// it. The numeric order is the ladder: a case moves only to the next stage.
/// </summary>
public enum EnforcementStage
{
    /// <summary>Opened from a finding; nothing sent yet.</summary>
    Opened = 0,

    /// <summary>Teguran tertulis I.</summary>
    Warning1 = 1,

    /// <summary>Teguran tertulis II.</summary>
    Warning2 = 2,

    /// <summary>Denda (fine).</summary>
    Fine = 3,

    /// <summary>Tidak mendapat pelayanan publik tertentu: the Pemda is asked to withhold licences.</summary>
    Tmp2t = 4,

    /// <summary>Handed to the Kejaksaan Negeri with a special power of attorney (SKK).</summary>
    Referral = 5,
}

/// <summary>How a case ends.</summary>
public enum EnforcementOutcome
{
    /// <summary>The employer registered its workers, wages or programs as found.</summary>
    Complied,

    /// <summary>The arrears were paid (the amount recovered is recorded).</summary>
    ArrearsPaid,

    /// <summary>Settled (mediation by the state attorney).</summary>
    Settled,

    /// <summary>Taken to court.</summary>
    LegalAction,

    /// <summary>Closed for another reason (the firm closed, the finding was wrong), named in the note.</summary>
    Closed,
}
