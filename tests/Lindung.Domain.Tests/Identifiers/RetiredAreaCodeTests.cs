using Lindung.Domain.Areas;
using Lindung.Domain.Identifiers;

namespace Lindung.Domain.Tests.Identifiers;

public class RetiredAreaCodeTests
{
    private static readonly DateOnly Today = new(2026, 12, 5);
    private static readonly NikValidator Validator = new(AreaDirectory.Embedded);

    [Fact]
    public void A_Merauke_NIK_issued_before_the_2022_split_is_valid_and_reports_both_codes()
    {
        var check = Validator.Check("9101011203900002", Today);

        Assert.True(check.IsValid, string.Join(",", check.Errors.Select(e => e.Code)));
        Assert.Equal("91.01.01", check.DistrictCode);
        Assert.Equal("93.01.01", check.CurrentDistrictCode);
        Assert.Equal("Merauke", check.DistrictName);
        Assert.Equal("91.01.01", check.Value!.DistrictCode);
    }

    [Fact]
    public void A_NIK_issued_after_the_split_has_one_code()
    {
        var check = Validator.Check("9301011203900002", Today);

        Assert.True(check.IsValid);
        Assert.Equal("93.01.01", check.DistrictCode);
        Assert.Equal("93.01.01", check.CurrentDistrictCode);
    }

    [Fact]
    public void Kota_Sorong_moved_from_Papua_Barat_to_Papua_Barat_Daya()
    {
        var check = Validator.Check("9271015203900002", Today);

        Assert.True(check.IsValid);
        Assert.Equal("96.71.01", check.CurrentDistrictCode);
        Assert.Equal("Sorong", check.DistrictName);
    }

    [Fact]
    public void A_district_with_no_counterpart_under_the_successor_is_an_unknown_district_not_an_unknown_regency()
    {
        var check = Validator.Check("9101991203900002", Today);

        Assert.Equal(["NIK_DISTRICT_UNKNOWN"], check.Errors.Select(e => e.Code));
    }

    [Fact]
    public void A_regency_that_kept_its_code_is_not_retired()
    {
        Assert.Null(RetiredAreaCodes.Successor("91.03.01"));
        Assert.True(Validator.Check("9103011203900002", Today).IsValid);
    }

    [Fact]
    public void Every_successor_is_a_current_regency_and_every_retired_code_is_gone_from_the_current_list()
    {
        Assert.Equal(26, RetiredAreaCodes.Regencies.Count);
        Assert.All(RetiredAreaCodes.Regencies, pair =>
        {
            Assert.True(AreaDirectory.Embedded.Exists(pair.Value), $"{pair.Value} is not a current regency");
            Assert.False(AreaDirectory.Embedded.Exists(pair.Key), $"{pair.Key} is still a current regency");
        });
    }
}
