using PdfSharp.Fonts;

namespace Lindung.Features.Dashboard;

/// <summary>
/// Gives PDFsharp the DejaVu Sans faces to embed, from the folder named by <c>LINDUNG_FONTS</c> or
/// else where Debian's fonts-dejavu-core puts them. Every report uses this one family, so what a
/// leader prints looks the same on every machine and carries Indonesian text without gaps.
/// </summary>
internal sealed class PdfFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";
    public const string DefaultDirectory = "/usr/share/fonts/truetype/dejavu";

    private static readonly Lock Gate = new();
    private static bool _installed;

    private readonly string _directory;

    private PdfFonts(string directory) => _directory = directory;

    /// <summary>Installs the resolver once per process (PDFsharp allows setting it only once).</summary>
    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            if (_installed)
            {
                return;
            }

            var configured = Environment.GetEnvironmentVariable("LINDUNG_FONTS");
            var directory = string.IsNullOrWhiteSpace(configured) ? DefaultDirectory : configured;
            if (!File.Exists(Path.Combine(directory, "DejaVuSans.ttf")) || !File.Exists(Path.Combine(directory, "DejaVuSans-Bold.ttf")))
            {
                throw new InvalidOperationException(
                    $"PDF reports need the DejaVu Sans fonts (DejaVuSans.ttf, DejaVuSans-Bold.ttf) in {directory}: install the Debian package fonts-dejavu-core, or set LINDUNG_FONTS to a folder holding them.");
            }

            GlobalFontSettings.FontResolver = new PdfFonts(directory);
            _installed = true;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "DejaVuSans-Bold" : "DejaVuSans");

    public byte[]? GetFont(string faceName) => File.ReadAllBytes(Path.Combine(_directory, faceName + ".ttf"));
}
