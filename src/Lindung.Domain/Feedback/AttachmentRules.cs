namespace Lindung.Domain.Feedback;

/// <summary>The file types a ticket may carry: what a letter, a scan or a screenshot comes as.</summary>
public enum AttachmentKind
{
    Pdf,
    Png,
    Jpeg,
}

/// <summary>Why an attachment is refused.</summary>
public enum AttachmentProblem
{
    /// <summary>Larger than the limit (or empty).</summary>
    Size,

    /// <summary>Not a PDF, PNG or JPEG by its first bytes, or its name says another type than its bytes.</summary>
    Type,

    /// <summary>More files on one message than allowed.</summary>
    Count,
}

/// <summary>
/// Which attachments are accepted: by their first bytes (a renamed executable is not a PDF) and a name
/// whose extension agrees with them, no larger than the limit.
/// </summary>
public sealed record AttachmentRules(long MaxBytes, int MaxFiles)
{
    public static AttachmentRules Default { get; } = new(5 * 1024 * 1024, 3);

    /// <summary>How many leading bytes <see cref="Check"/> needs to tell the type.</summary>
    public const int HeadLength = 8;

    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];

    /// <summary>The kind of a file that may be stored, or the problem that refuses it.</summary>
    public (AttachmentKind? Kind, AttachmentProblem? Problem) Check(string fileName, long length, ReadOnlySpan<byte> head)
    {
        if (length <= 0 || length > MaxBytes)
        {
            return (null, AttachmentProblem.Size);
        }

        AttachmentKind? sniffed = head.StartsWith(PdfMagic) ? AttachmentKind.Pdf
            : head.StartsWith(PngMagic) ? AttachmentKind.Png
            : head.StartsWith(JpegMagic) ? AttachmentKind.Jpeg
            : null;
        var named = Path.GetExtension(fileName).ToUpperInvariant() switch
        {
            ".PDF" => AttachmentKind.Pdf,
            ".PNG" => AttachmentKind.Png,
            ".JPG" or ".JPEG" => AttachmentKind.Jpeg,
            _ => (AttachmentKind?)null,
        };
        return sniffed is not null && sniffed == named ? (sniffed, null) : (null, AttachmentProblem.Type);
    }

    public static string ContentType(AttachmentKind kind) => kind switch
    {
        AttachmentKind.Pdf => "application/pdf",
        AttachmentKind.Png => "image/png",
        _ => "image/jpeg",
    };
}
