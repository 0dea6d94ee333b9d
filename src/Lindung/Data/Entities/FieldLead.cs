namespace Lindung.Data.Entities;

/// <summary>
/// A worker captured house to house by a field officer: who, where, what they do and earn, whether they
/// say they are already a member, and whether they agreed to be contacted (UU 27/2022). One lead per NIK:
/// a second capture of the same NIK merges into it. The stage follows the worker from
/// capture to a paid membership.
/// </summary>
internal sealed class FieldLead : IRegionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string Nik { get; set; }

    public required string Name { get; set; }

    public string? Occupation { get; set; }

    public long? MonthlyIncome { get; set; }

    public string? Phone { get; set; }

    public bool SaysMember { get; set; }

    public bool ConsentToContact { get; set; }

    /// <summary>The worker the lead became in the registry.</summary>
    public Guid WorkerId { get; set; }

    public Worker? Worker { get; set; }

    public LeadStage Stage { get; set; } = LeadStage.Captured;

    public required string CapturedBy { get; set; }

    public DateTime CapturedAt { get; set; }

    /// <summary>The device's id of the first capture, so a capture sent twice is recorded once.</summary>
    public Guid CaptureId { get; set; }

    /// <summary>The village where the worker was captured (<c>PP.KK.CC.DDDD</c>): a field officer's scope is its villages.</summary>
    public required string RegionCode { get; set; }
}

/// <summary>Where a lead stands: the officer moves it to contacted and willing; registered and paid follow the memberships.</summary>
internal enum LeadStage
{
    Captured,
    Contacted,
    Willing,
    Registered,
    Paid,
}
