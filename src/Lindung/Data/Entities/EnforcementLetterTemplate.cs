namespace Lindung.Data.Entities;

/// <summary>
/// One version of a regency's wording for one kind of enforcement letter (<see cref="Domain.Enforcement.LetterTemplate"/>):
/// in force from <see cref="ValidFrom"/> until <see cref="ValidTo"/> (exclusive; null = still in force).
/// A change closes the version in force and opens the next (<see cref="History.Supersede"/>), so a letter
/// was written with the version in force on its issue day. Without a version in force on a day the shipped
/// wording applies. Letters are stored as rendered: a new version never changes one already issued.
/// </summary>
internal sealed class EnforcementLetterTemplate : IRegionScoped, IHistorical
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public EnforcementLetterKind Kind { get; set; }

    public required string Subject { get; set; }

    /// <summary>The addressee's lines, one per line.</summary>
    public required string Addressee { get; set; }

    /// <summary>The paragraphs, one per line; the findings are listed after the first.</summary>
    public required string Paragraphs { get; set; }

    public required string Signatory { get; set; }

    public DateOnly ValidFrom { get; set; }

    public DateOnly? ValidTo { get; set; }

    /// <summary>The regency or city code, <c>PP.KK</c>.</summary>
    public required string RegionCode { get; set; }
}
