namespace Lindung.Data.Entities;

/// <summary>
/// A day off for deadlines: a national holiday or joint leave (cuti bersama, SKB 3 Menteri each year)
/// when <see cref="AppliesTo"/> is empty, or a regional holiday for a province (<c>35</c>) or regency
/// (<c>35.77</c>) and everything below it. Loaded as data, never written in code. A reference table
/// (every region reads the national rows), so it has no region code of its own.
/// </summary>
internal sealed class DayOff
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public DateOnly Date { get; set; }

    public required string Name { get; set; }

    public DayOffKind Kind { get; set; }

    /// <summary>Empty for the whole country, else the province or regency it applies to.</summary>
    public required string AppliesTo { get; set; }
}

internal enum DayOffKind
{
    /// <summary>Hari libur nasional.</summary>
    Holiday,

    /// <summary>Cuti bersama.</summary>
    JointLeave,

    /// <summary>A region's own day off.</summary>
    Regional,
}
