namespace Lindung.Data.Entities;

/// <summary>The worker categories Lindung names (DOMAIN part A). Stored as HONORER, HARIAN_LEPAS, …</summary>
internal enum WorkerCategory
{
    Honorer,
    Gtt,
    Ptt,
    Kontrak,
    HarianLepas,
    Outsourcing,
    PuSwasta,
    Bpu,
    Jakon,
    Pmi,
    PenyelenggaraPemilu,
}
