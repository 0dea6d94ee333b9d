using System.Text;

namespace Lindung.Domain.Areas;

/// <summary>Folds an area name for searching: lower case, letters and digits only, single spaces.</summary>
internal static class AreaName
{
    public static string Fold(string name)
    {
        var folded = new StringBuilder(name.Length);
        var pendingSpace = false;
        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && folded.Length > 0)
                {
                    folded.Append(' ');
                }

                folded.Append(char.ToLowerInvariant(c));
                pendingSpace = false;
            }
            else if (c != '\'' && c != '"')
            {
                // Quotes fold away ("Ra'as" = "Raas"); other punctuation separates words.
                pendingSpace = true;
            }
        }

        return folded.ToString();
    }
}
