namespace Lindung.Data.Entities;

/// <summary>
/// Kind of roster owner. Stored as DINAS, BADAN, … RSUD, etc. Most are the Pemda's own agencies (OPD);
/// <see cref="Vertikal"/> and <see cref="Madrasah"/> are vertical institutions — central offices in the
/// region (Kantor Kemenag, BPS, Kantor Pertanahan) and the madrasahs under Kemenag — whose non-ASN staff
/// the programme covers beside the Pemda's, with their own operators (<see cref="AgencyKinds"/>).
/// </summary>
internal enum AgencyKind
{
    Dinas,
    Badan,
    Kantor,
    Rsud,
    Sekolah,
    Kecamatan,
    Kelurahan,
    Sekretariat,
    Other,
    Vertikal,
    Madrasah,
}

/// <summary>Which kinds belong to a central institution rather than the Pemda.</summary>
internal static class AgencyKinds
{
    public static bool IsVertical(AgencyKind kind) => kind is AgencyKind.Vertikal or AgencyKind.Madrasah;
}
