namespace Lindung.Domain.Matching;

public enum BirthDateAgreement
{
    Missing,
    Exact,

    /// <summary>Day and month swapped, or one digit apart: the usual data-entry slips.</summary>
    Near,
    Different,
}

public enum FieldAgreement
{
    Missing,
    Agree,
    Disagree,
}

public enum RegionAgreement
{
    Missing,
    SameDistrict,
    SameRegency,
    Different,
}

/// <summary>How a roster row and a membership row compare, field by field.</summary>
/// <param name="NameScore">How alike the names are (<see cref="NameSimilarity"/>).</param>
/// <param name="BirthDate">How the birth dates compare.</param>
/// <param name="Sex">How the sexes compare.</param>
/// <param name="Region">How the districts compare.</param>
/// <param name="NameBearers">
/// How many members of the extract bear the name (the more common of the two sides' names), 0 when
/// not known: a name many people share agrees by chance more often (see <see cref="MatchModel.CommonNameBearers"/>).
/// </param>
public readonly record struct MatchEvidence(double NameScore, BirthDateAgreement BirthDate, FieldAgreement Sex, RegionAgreement Region, int NameBearers = 0)
{
    public static BirthDateAgreement CompareBirthDates(DateOnly? a, DateOnly? b)
    {
        if (a is not { } x || b is not { } y)
        {
            return BirthDateAgreement.Missing;
        }

        if (x == y)
        {
            return BirthDateAgreement.Exact;
        }

        var swapped = x.Year == y.Year && x.Day == y.Month && x.Month == y.Day;
        return swapped || OneDigitApart(Digits(x), Digits(y)) ? BirthDateAgreement.Near : BirthDateAgreement.Different;
    }

    public static FieldAgreement Compare<T>(T? a, T? b)
        where T : struct =>
        a is null || b is null ? FieldAgreement.Missing : a.Value.Equals(b.Value) ? FieldAgreement.Agree : FieldAgreement.Disagree;

    /// <param name="a">A dotted Kemendagri code of district level or finer, or null.</param>
    /// <param name="b">A dotted Kemendagri code of district level or finer, or null.</param>
    public static RegionAgreement CompareRegions(string? a, string? b)
    {
        if (a is null || b is null || a.Length < 8 || b.Length < 8)
        {
            return RegionAgreement.Missing;
        }

        return string.CompareOrdinal(a, 0, b, 0, 8) == 0 ? RegionAgreement.SameDistrict
            : string.CompareOrdinal(a, 0, b, 0, 5) == 0 ? RegionAgreement.SameRegency
            : RegionAgreement.Different;
    }

    // yyyyMMdd as a number: compared digit by digit without formatting strings (this runs per candidate).
    private static int Digits(DateOnly date) => (date.Year * 10000) + (date.Month * 100) + date.Day;

    // Stops at the second difference: most candidates differ in several digits.
    private static bool OneDigitApart(int a, int b)
    {
        var apart = 0;
        for (; (a > 0 || b > 0) && apart < 2; a /= 10, b /= 10)
        {
            apart += a % 10 != b % 10 ? 1 : 0;
        }

        return apart == 1;
    }
}
