using Lindung.Data;
using Lindung.Domain.Identifiers;
using Lindung.Security;
using Lindung.Tests.Infrastructure;

namespace Lindung.Tests.Security;

/// <summary>The one rule of who sees which personal field, against the table in docs/PRIVACY.md.</summary>
public sealed class PersonalDataPolicyTests
{
    /// <summary>Born 12 Feb 1990, a woman (day 12 + 40 = 52): positions 7–12 are <c>520290</c>.</summary>
    private const string Nik = "3577015202900001";

    private static readonly DateOnly BirthDate = new(1990, 2, 12);

    public static TheoryData<string> Roles => [.. LindungRoles.All];

    [Theory]
    [MemberData(nameof(Roles))]
    public void Each_role_sees_what_the_privacy_table_says(string role)
    {
        var row = PrivacyTable()[role];
        var view = PersonalDataPolicy.For(Scope(role));

        Assert.Equal(row.Nik, Kind(view.ShowNik(Nik)));
        Assert.Equal(row.NikInLists, Kind(view.InList.ShowNik(Nik)));
        Assert.Equal(row.BirthDateAndSex, view.ShowBirthDate(BirthDate) is not null && view.ShowSex(Sex.P) is not null);
        Assert.Equal(row.Names, view.ShowName("Siti Rahayu") is not null);
        Assert.Equal(row.Kpj, view.ShowKpj("10000000001") is not null);
        Assert.Equal(row.Wages, view.ShowWage(2_500_000) is not null);
    }

    [Fact]
    public void The_table_has_a_row_for_every_role_and_no_other()
    {
        Assert.Equal(LindungRoles.All.Order(StringComparer.Ordinal), PrivacyTable().Keys.Order(StringComparer.Ordinal));
        Assert.Equal(LindungRoles.All.Order(StringComparer.Ordinal), PersonalDataPolicy.ByRole.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_masked_NIK_hides_the_birth_date_and_sex_digits_and_takes_birth_date_and_sex_with_it()
    {
        var masked = new PersonalDataView(NikView.Masked, Names: true, Kpj: true, Wages: true);

        Assert.Equal("357701******0001", masked.ShowNik(Nik));
        Assert.DoesNotContain("520290", masked.ShowNik(Nik)!, StringComparison.Ordinal);
        Assert.Null(masked.ShowBirthDate(BirthDate));
        Assert.Null(masked.ShowSex(Sex.P));

        var none = PersonalDataView.Nothing;
        Assert.Null(none.ShowNik(Nik));
        Assert.Null(none.ShowBirthDate(BirthDate));
        Assert.Null(none.ShowSex(Sex.P));
        Assert.True(none.AggregatesOnly);
    }

    [Fact]
    public void A_list_masks_the_full_NIK_and_so_drops_birth_date_and_sex()
    {
        var admin = PersonalDataPolicy.For(Scope(LindungRoles.RegionalAdmin));

        Assert.Equal(Nik, admin.ShowNik(Nik));
        Assert.Equal(BirthDate, admin.ShowBirthDate(BirthDate));
        Assert.Equal("357701******0001", admin.InList.ShowNik(Nik));
        Assert.Null(admin.InList.ShowBirthDate(BirthDate));
        Assert.Null(admin.InList.ShowSex(Sex.P));
        Assert.Equal("Siti Rahayu", admin.InList.ShowName("Siti Rahayu"));
    }

    [Fact]
    public void Several_roles_see_what_the_widest_allows_and_no_role_sees_nothing()
    {
        Assert.Equal(Nik, PersonalDataPolicy.For(Scope(LindungRoles.Leader, LindungRoles.AgencyOperator)).ShowNik(Nik));
        Assert.True(PersonalDataPolicy.For(Scope(LindungRoles.Leader, LindungRoles.Auditor)).AggregatesOnly);
        Assert.True(PersonalDataPolicy.For(Scope()).AggregatesOnly);
        Assert.True(PersonalDataPolicy.For(Scope("SomeFutureRole")).AggregatesOnly);
    }

    private static AccessScope Scope(params string[] roles) => new(roles.ToHashSet(StringComparer.Ordinal), ["35.77"], null, "test");

    private static string Kind(string? shown) => shown switch
    {
        null => "none",
        _ when shown.Contains('*', StringComparison.Ordinal) => "masked",
        _ => "full",
    };

    private sealed record Row(string Nik, string NikInLists, bool BirthDateAndSex, bool Names, bool Kpj, bool Wages);

    /// <summary>The role table of docs/PRIVACY.md: <c>| `Role` | NIK | NIK in lists | Birth date and sex | Names | KPJ | Wages |</c>.</summary>
    private static Dictionary<string, Row> PrivacyTable()
    {
        var doc = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, "docs", "PRIVACY.md"));
        var header = Array.FindIndex(doc, l => l.StartsWith("| Role |", StringComparison.Ordinal));
        Assert.True(header >= 0, "docs/PRIVACY.md has no role table");
        Assert.Equal("| Role | NIK | NIK in lists | Birth date and sex | Names | KPJ | Wages |", doc[header]);
        var rows = new Dictionary<string, Row>(StringComparer.Ordinal);
        foreach (var line in doc.Skip(header + 2).TakeWhile(l => l.StartsWith('|')))
        {
            var cells = line.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            Assert.Equal(7, cells.Length);
            rows.Add(cells[0].Trim('`'), new Row(cells[1], cells[2], Yes(cells[3]), Yes(cells[4]), Yes(cells[5]), Yes(cells[6])));
        }

        return rows;
    }

    private static bool Yes(string cell) => cell switch
    {
        "yes" => true,
        "no" => false,
        _ => throw new InvalidOperationException($"docs/PRIVACY.md: '{cell}' is neither yes nor no"),
    };
}
