using Lindung.Domain.Feedback;

namespace Lindung.Domain.Tests.Feedback;

public class AttachmentRulesTests
{
    private static readonly AttachmentRules Rules = new(MaxBytes: 1000, MaxFiles: 3);

    public static TheoryData<string, byte[], AttachmentKind> Accepted => new()
    {
        { "surat.pdf", "%PDF-1.7\n"u8.ToArray(), AttachmentKind.Pdf },
        { "Foto.PNG", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], AttachmentKind.Png },
        { "scan.jpeg", [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10], AttachmentKind.Jpeg },
        { "scan.jpg", [0xFF, 0xD8, 0xFF, 0xE1], AttachmentKind.Jpeg },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void A_file_whose_bytes_and_name_agree_is_accepted(string name, byte[] head, AttachmentKind kind) =>
        Assert.Equal((kind, (AttachmentProblem?)null), Rules.Check(name, head.Length, head));

    [Theory]
    [InlineData("program.exe.pdf", new byte[] { 0x4D, 0x5A, 0x90, 0x00 })] // a Windows program renamed
    [InlineData("surat.png", new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D })] // a PDF called a PNG
    [InlineData("surat.docx", new byte[] { 0x50, 0x4B, 0x03, 0x04 })] // a Word file
    [InlineData("surat", new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D })] // no extension
    public void A_file_whose_bytes_or_name_are_not_an_accepted_type_is_refused(string name, byte[] head) =>
        Assert.Equal((null, AttachmentProblem.Type), Rules.Check(name, head.Length, head));

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public void An_empty_or_oversized_file_is_refused_by_size_before_its_type(long length) =>
        Assert.Equal((null, AttachmentProblem.Size), Rules.Check("surat.pdf", length, "%PDF-"u8));

    [Fact]
    public void The_limit_itself_is_allowed() =>
        Assert.Equal(AttachmentKind.Pdf, Rules.Check("surat.pdf", 1000, "%PDF-"u8).Kind);
}
