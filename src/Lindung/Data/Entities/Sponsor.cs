namespace Lindung.Data.Entities;

/// <summary>
/// A bapak asuh: a company's CSR, a zakat body, an official or an agency that pays the BPU
/// contributions of vulnerable workers. Its account (a user with the Sponsor role, by e-mail) signs in
/// to the sponsor page; its chosen villages are where it looks for workers to adopt.
/// </summary>
internal sealed class Sponsor : IRegionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string Name { get; set; }

    public SponsorKind Kind { get; set; }

    /// <summary>The sign-in e-mail of the sponsor's own account, if it has one.</summary>
    public string? AccountEmail { get; set; }

    /// <summary>Villages (<c>PP.KK.CC.DDDD</c>) whose waiting workers the sponsor wants to see.</summary>
    public List<string> VillageCodes { get; set; } = [];

    /// <summary>The regency or city that registered the sponsor: who administers it.</summary>
    public required string RegionCode { get; set; }
}

internal enum SponsorKind
{
    Csr,
    Zakat,
    Official,
    Agency,
    Other,
}
