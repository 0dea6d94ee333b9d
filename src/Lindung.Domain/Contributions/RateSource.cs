namespace Lindung.Domain.Contributions;

/// <summary>The validated rows of one rate file. <see cref="Name"/> is echoed in the legal basis.</summary>
public sealed record RateSource(string Name, IReadOnlyList<RateEntry> Entries);
