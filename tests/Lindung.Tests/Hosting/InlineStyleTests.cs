using System.Text.RegularExpressions;
using Lindung.Tests.Infrastructure;

namespace Lindung.Tests.Hosting;

/// <summary>
/// The content security policy (<c>default-src 'self'</c>) makes browsers ignore inline style
/// attributes: a chart's height or a bar's width written that way silently disappears. Pages carry
/// such values as data attributes (or native elements such as &lt;progress&gt;) instead.
/// </summary>
public sealed partial class InlineStyleTests
{
    [Fact]
    public void No_page_writes_an_inline_style_attribute_the_policy_would_drop()
    {
        var root = Path.Combine(RepositoryRoot.Path, "src", "Lindung");
        var pages = Directory.EnumerateFiles(root, "*.cshtml", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(pages);

        var offenders = pages
            .SelectMany(p => File.ReadLines(p).Select((line, i) => (Page: Path.GetRelativePath(root, p), Line: i + 1, Text: line)))
            .Where(l => StyleAttribute().IsMatch(l.Text))
            .Select(l => $"{l.Page}:{l.Line}: {l.Text.Trim()}")
            .ToList();
        Assert.True(offenders.Count == 0, "Inline style attributes:\n" + string.Join("\n", offenders));
    }

    [GeneratedRegex(@"\sstyle\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex StyleAttribute();
}
