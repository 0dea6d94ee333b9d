using Lindung.Data;
using Lindung.Domain.Areas;
using Lindung.Features.Shared;
using Lindung.Security;

namespace Lindung.Tests.Features.Pickers;

public sealed class RegionPickerTests
{
    private static AccessScope Scope(bool whole, params string[] regions) =>
        new(new HashSet<string> { LindungRoles.RegionalAdmin }, regions, null, "admin@test.lindung.id", whole);

    [Fact]
    public void A_user_with_one_regency_finds_it_already_chosen()
    {
        var picker = RegionPicker.For(Scope(false, "35.77"), "region", "RegionCode", null);

        var only = Assert.Single(picker.Choices);
        Assert.Equal("35.77", only.Code);
        Assert.Equal("KOTA MADIUN", only.Name.ToUpperInvariant());
        Assert.Equal("35.77", picker.Selected);
    }

    [Fact]
    public void A_province_brings_its_regencies_and_nothing_is_chosen_for_the_user()
    {
        var picker = RegionPicker.For(Scope(false, "35", "35.77", "99.99"), "region", "RegionCode", null);

        Assert.Equal(38, picker.Choices.Count); // East Java: 29 regencies and 9 cities; 99.99 does not exist
        Assert.All(picker.Choices, a => Assert.StartsWith("35.", a.Code, StringComparison.Ordinal));
        Assert.Null(picker.Selected);
        Assert.Single(picker.ByProvince);
    }

    [Fact]
    public void A_whole_installation_user_picks_from_every_regency_grouped_by_province()
    {
        var picker = RegionPicker.For(Scope(true), "region", "RegionCode", "3577");

        Assert.Equal(AreaDirectory.Embedded.Provinces.Sum(p => AreaDirectory.Embedded.Children(p.Code).Count), picker.Choices.Count);
        Assert.True(picker.Choices.Count > 500);
        Assert.Equal(AreaDirectory.Embedded.Provinces.Count, picker.ByProvince.Count());
        Assert.Equal("35.77", picker.Selected);
        Assert.True(picker.SelectedIsListed);
    }

    [Fact]
    public void A_posted_code_outside_the_list_stays_shown_so_the_refusal_names_it()
    {
        var picker = RegionPicker.For(Scope(false, "35.77"), "region", "RegionCode", "35.78");

        Assert.Equal("35.78", picker.Selected);
        Assert.False(picker.SelectedIsListed);
    }
}
