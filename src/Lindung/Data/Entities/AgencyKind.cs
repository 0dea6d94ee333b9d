namespace Lindung.Data.Entities;

/// <summary>Kind of regional government agency (OPD). Stored as DINAS, BADAN, … RSUD, etc.</summary>
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
}
