namespace Lindung.Domain.Claims;

/// <summary>The benefits a Pemda follows for its workers (DOMAIN §10).</summary>
public enum ClaimKind
{
    /// <summary>Jaminan Kecelakaan Kerja: a work accident or occupational disease.</summary>
    Jkk,

    /// <summary>Jaminan Kematian: death not caused by work.</summary>
    Jkm,

    /// <summary>Jaminan Hari Tua: the old-age savings.</summary>
    Jht,

    /// <summary>Jaminan Pensiun.</summary>
    Jp,
}

/// <summary>Where a claim stands.</summary>
public enum ClaimStatus
{
    /// <summary>The event is known; the claim is not filed yet.</summary>
    Reported,

    /// <summary>Filed with the branch; documents may still be missing.</summary>
    Submitted,

    /// <summary>Documents complete: the SLA clock runs from this day.</summary>
    Complete,

    Paid,

    Rejected,
}
