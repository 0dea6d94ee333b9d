namespace Lindung.Data.Entities;

/// <summary>
/// A numbered letter issued on a case (a warning, the TMP2T request, the SKK cover letter), stored as the
/// PDF that was sent, so a reprint is the same document. The audit trail records its digest, not its bytes.
/// </summary>
internal sealed class EnforcementLetter : IRegionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid CaseId { get; set; }

    public EnforcementLetterKind Kind { get; set; }

    /// <summary><c>001/TEG-1/35.77/XII/2026</c>: sequence per region, kind and year.</summary>
    public required string Number { get; set; }

    public int Sequence { get; set; }

    public int Year { get; set; }

    public DateOnly IssuedOn { get; set; }

    public required string IssuedBy { get; set; }

    public required byte[] Pdf { get; set; }

    public required string RegionCode { get; set; }
}

internal enum EnforcementLetterKind
{
    /// <summary>Surat teguran tertulis I.</summary>
    Warning1,

    /// <summary>Surat teguran tertulis II.</summary>
    Warning2,

    /// <summary>Surat permohonan pengenaan sanksi TMP2T to the Pemda.</summary>
    Tmp2tRequest,

    /// <summary>Cover letter of the Surat Kuasa Khusus to the Kejaksaan Negeri.</summary>
    SkkCover,
}
