using Lindung.Domain.Enforcement;

namespace Lindung.Data.Entities;

/// <summary>
/// A region's setting for one stage of the ladder (the nearest enclosing region wins, an empty code is
/// the installation's): the window in working or calendar days, the fine rate, the legal basis. Without
/// a row the stage rules of <see cref="EnforcementLadder.DefaultRules"/> apply. A reference table, like the days off.
/// </summary>
internal sealed class EnforcementStageSetting
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public EnforcementStage Stage { get; set; }

    public int? WorkingDays { get; set; }

    public int? CalendarDays { get; set; }

    public decimal? FineRatePerMonth { get; set; }

    public required string LegalBasis { get; set; }

    public required string AppliesTo { get; set; }
}
