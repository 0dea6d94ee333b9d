namespace Lindung.Data.Entities;

/// <summary>Who pays the wage. Stored as APBD, APBN, BLUD, DANA_DESA, PRIVATE, OTHER.</summary>
internal enum FundingSource
{
    Apbd,
    Apbn,
    Blud,
    DanaDesa,
    Private,
    Other,
}
