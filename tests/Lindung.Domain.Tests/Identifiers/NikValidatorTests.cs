using CsCheck;
using Lindung.Domain.Areas;
using Lindung.Domain.Identifiers;

namespace Lindung.Domain.Tests.Identifiers;

public class NikValidatorTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);
    private static readonly NikValidator Validator = new(AreaDirectory.Embedded);

    [Fact]
    public void A_man_born_in_Kota_Madiun_parses_into_his_parts()
    {
        var check = Validator.Check("3577011203900001", Today);
        Assert.True(check.IsValid);
        Assert.Equal("35", check.ProvinceCode);
        Assert.Equal("35.77", check.RegencyCode);
        Assert.Equal("35.77.01", check.DistrictCode);
        Assert.Equal("Kartoharjo", check.DistrictName);
        Assert.Equal(new DateOnly(1990, 3, 12), check.BirthDate);
        Assert.Equal(Sex.L, check.Sex);
        Assert.Equal(1, check.Value!.Serial);
    }

    [Fact]
    public void The_birth_date_read_from_bare_digits_is_the_one_a_full_check_reads()
    {
        // Day and month drawn from a narrow range, so real dates (and impossible ones) both come up.
        var niks = from district in Gen.Int[350_000, 359_999]
                   from day in Gen.Int[0, 72]
                   from month in Gen.Int[0, 13]
                   from rest in Gen.Int[0, 999_999]
                   select string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{district:D6}{day:D2}{month:D2}{rest:D6}");
        niks.Sample(digits =>
            Assert.Equal(Validator.Check(digits, Today).BirthDate, NikValidator.BirthDateOf(digits, Today)));
        Assert.Equal(new DateOnly(1990, 3, 12), NikValidator.BirthDateOf("3577015203900002", Today));
        Assert.Null(NikValidator.BirthDateOf("3577019903900002", Today));
        Assert.Throws<ArgumentException>(() => NikValidator.BirthDateOf("357701520390000", Today));
    }

    [Fact]
    public void A_womans_birth_day_is_written_plus_forty()
    {
        var check = Validator.Check("3577015203900002", Today);
        Assert.True(check.IsValid);
        Assert.Equal(Sex.P, check.Sex);
        Assert.Equal(new DateOnly(1990, 3, 12), check.BirthDate);
    }

    [Theory]
    [InlineData("'3577011203900001")]
    [InlineData("\u20193577011203900001")]
    [InlineData("  3577011203900001 ")]
    [InlineData("3577 0112 0390 0001")]
    [InlineData("3577.0112.0390.0001")]
    [InlineData("3577-0112-0390-0001")]
    [InlineData("3577011203900001.0")]
    [InlineData("3577011203900001,00")]
    [InlineData("3577\u00A0011203900001")]
    [InlineData("3.577011203900001E+15")] // scientific notation that still holds all 16 digits
    [InlineData("3,577011203900001E15")]
    [InlineData("3.577011203900001e+15")]
    public void Spreadsheet_damage_that_loses_nothing_is_repaired(string input)
    {
        var check = Validator.Check(input, Today);
        Assert.True(check.IsValid, string.Join(",", check.Errors.Select(e => e.Code)));
        Assert.Equal("3577011203900001", check.Normalized);
        Assert.Equal(input, check.Input);
    }

    [Theory]
    [InlineData("", "NIK_EMPTY")]
    [InlineData("  '  ", "NIK_EMPTY")]
    [InlineData("3.57701E+15", "NIK_SCIENTIFIC_NOTATION")]
    [InlineData("3,57701E+15", "NIK_SCIENTIFIC_NOTATION")]
    [InlineData("3.577011203900E15", "NIK_SCIENTIFIC_NOTATION")]
    [InlineData("3.5770112039000E+15", "NIK_SCIENTIFIC_NOTATION")] // 14 digits kept: the last two are gone
    [InlineData("35770112039O0001", "NIK_INVALID_CHARACTERS")]
    [InlineData("NIK 3577011203900001", "NIK_INVALID_CHARACTERS")]
    [InlineData("357701120390001", "NIK_LENGTH")]
    [InlineData("35770112039000011", "NIK_LENGTH")]
    [InlineData("9977011203900001", "NIK_PROVINCE_UNKNOWN")]
    [InlineData("3599011203900001", "NIK_REGENCY_UNKNOWN")]
    [InlineData("3577991203900001", "NIK_DISTRICT_UNKNOWN")]
    [InlineData("3577010003900001", "NIK_BIRTH_DATE_INVALID")]
    [InlineData("3577013203900001", "NIK_BIRTH_DATE_INVALID")]
    [InlineData("3577014003900001", "NIK_BIRTH_DATE_INVALID")]
    [InlineData("3577017203900001", "NIK_BIRTH_DATE_INVALID")]
    [InlineData("3577013102900001", "NIK_BIRTH_DATE_INVALID")]
    [InlineData("3577011213900001", "NIK_BIRTH_DATE_INVALID")]
    [InlineData("3577011200900001", "NIK_BIRTH_DATE_INVALID")]
    [InlineData("3577012902910001", "NIK_BIRTH_DATE_INVALID")]
    [InlineData("3577011203900000", "NIK_SERIAL_ZERO")]
    public void Each_failure_has_its_own_code(string input, string code)
    {
        var check = Validator.Check(input, Today);
        Assert.False(check.IsValid);
        Assert.Equal([code], check.Errors.Select(e => e.Code));
        Assert.Null(check.Value);
    }

    [Fact]
    public void Every_error_has_a_message_in_both_languages()
    {
        Assert.Equal(NikErrors.All.Count, NikErrors.All.Select(e => e.Code).Distinct().Count());
        Assert.All(NikErrors.All, e =>
        {
            Assert.StartsWith("NIK_", e.Code, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(e.MessageId));
            Assert.False(string.IsNullOrWhiteSpace(e.MessageEn));
            Assert.NotEqual(e.MessageId, e.MessageEn);
        });
    }

    [Fact]
    public void Several_independent_failures_are_all_reported()
    {
        var check = Validator.Check("3577993203900000", Today);
        Assert.Equal(["NIK_DISTRICT_UNKNOWN", "NIK_BIRTH_DATE_INVALID", "NIK_SERIAL_ZERO"], check.Errors.Select(e => e.Code));
        Assert.Equal("35.77.99", check.DistrictCode);
    }

    [Theory]
    [InlineData("3577012511260001", "2026-11-25")] // born today
    [InlineData("3577012611260001", "1926-11-26")] // tomorrow in 2026 is the future, so 1926: 99 years old
    [InlineData("3577010101000001", "2000-01-01")]
    [InlineData("3577012902000001", "2000-02-29")] // 2000 is a leap year
    [InlineData("3577010101270001", "1927-01-01")]
    [InlineData("3577010101990001", "1999-01-01")]
    public void Century_is_inferred_so_the_holder_is_0_to_100_years_old(string nik, string birthDate)
    {
        var check = Validator.Check(nik, Today);
        Assert.True(check.IsValid);
        Assert.Equal(DateOnly.Parse(birthDate, System.Globalization.CultureInfo.InvariantCulture), check.BirthDate);
    }

    [Fact]
    public void A_valid_nik_built_from_parts_parses_back_to_the_same_parts()
    {
        var districts = AreaDirectory.Embedded.Provinces
            .SelectMany(p => AreaDirectory.Embedded.Children(p.Code))
            .SelectMany(r => AreaDirectory.Embedded.Children(r.Code))
            .Select(d => d.Code)
            .ToArray();
        var parts =
            from district in Gen.Int[0, districts.Length - 1].Select(i => districts[i])
            from ageInDays in Gen.Int[0, 36_500]
            from sex in Gen.Enum<Sex>()
            from serial in Gen.Int[1, 9999]
            select (district, birth: Today.AddDays(-ageInDays), sex, serial);

        parts.Sample(p =>
        {
            var nik = Nik.Compose(p.district, p.birth, p.sex, p.serial);
            var parsed = Validator.Check(nik, Today).Value;
            return parsed is not null
                && parsed.DistrictCode == p.district
                && parsed.BirthDate == p.birth
                && parsed.Sex == p.sex
                && parsed.Serial == p.serial;
        }, iter: 5_000);
    }

    [Fact]
    public void Lists_show_a_masked_nik()
    {
        Assert.Equal("357701******0001", Nik.Mask("3577011203900001"));
        Assert.Equal("*****", Nik.Mask("12345"));
    }
}
