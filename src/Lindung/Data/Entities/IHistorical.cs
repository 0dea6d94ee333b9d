namespace Lindung.Data.Entities;

/// <summary>
/// A versioned row. A version is in force from <see cref="ValidFrom"/> (inclusive) until
/// <see cref="ValidTo"/> (exclusive; null = still in force). A change closes the current version by
/// setting its <see cref="ValidTo"/> to the change date and opens a new one from that same date, so
/// versions never overlap and never leave a gap.
/// </summary>
internal interface IHistorical
{
    DateOnly ValidFrom { get; set; }

    DateOnly? ValidTo { get; set; }
}
