using Lindung.Domain.Identifiers;
using Lindung.Domain.Rosters;

namespace Lindung.Domain.Tests.Rosters;

public class FieldParserTests
{
    [Theory]
    [InlineData("1990-03-12")]
    [InlineData("12/03/1990")]
    [InlineData("12-03-1990")]
    [InlineData("12.03.1990")]
    [InlineData("32944")]
    [InlineData("1990-03-12 00:00:00")]
    public void Dates_in_spreadsheet_layouts(string text) =>
        Assert.Equal(new DateOnly(1990, 3, 12), FieldParser.Date(text));

    [Theory]
    [InlineData("")]
    [InlineData("31/02/1990")]
    [InlineData("kemarin")]
    [InlineData("3577011203900001")]
    public void Unreadable_dates_are_null(string text) => Assert.Null(FieldParser.Date(text));

    [Theory]
    [InlineData("L", Sex.L)]
    [InlineData("Laki-laki", Sex.L)]
    [InlineData("LAKI LAKI", Sex.L)]
    [InlineData("M", Sex.L)]
    [InlineData("P", Sex.P)]
    [InlineData("Perempuan", Sex.P)]
    [InlineData("F", Sex.P)]
    [InlineData("wanita", Sex.P)]
    public void Sex_words(string text, Sex expected) => Assert.Equal(expected, FieldParser.Sex(text));

    [Fact]
    public void Unknown_sex_is_null() => Assert.Null(FieldParser.Sex("X"));

    [Theory]
    [InlineData("2500000", 2_500_000L)]
    [InlineData("2.500.000", 2_500_000L)]
    [InlineData("Rp 2.500.000", 2_500_000L)]
    [InlineData("Rp2.500.000,00", 2_500_000L)]
    [InlineData("2,500,000", 2_500_000L)]
    [InlineData("2500000.0", 2_500_000L)]
    [InlineData("750.000", 750_000L)]
    [InlineData("-5", -5L)]
    [InlineData("Rp -2.500.000", -2_500_000L)]
    [InlineData("Rp. 2.500.000,-", 2_500_000L)]
    [InlineData("IDR 2,500,000.00", 2_500_000L)]
    [InlineData("2 500 000", 2_500_000L)]
    [InlineData("2\u00A0500\u00A0000", 2_500_000L)]
    [InlineData("'2500000", 2_500_000L)]
    [InlineData("-Rp 5", -5L)]
    [InlineData("1.000.000.000", 1_000_000_000L)]
    public void Wages_with_indonesian_separators(string text, long expected) => Assert.Equal(expected, FieldParser.Wage(text));

    [Theory]
    [InlineData("")]
    [InlineData("dua juta")]
    [InlineData("2.50.000")]
    [InlineData("2-500000")]
    [InlineData("1e309")]
    [InlineData("0x10")]
    [InlineData("2,5 juta")]
    [InlineData("(2.500.000)")]
    [InlineData("1.000.000.001")]
    [InlineData("9223372036854775807")]
    public void Unreadable_or_absurd_wages_are_null(string text) => Assert.Null(FieldParser.Wage(text));

    [Fact]
    public void Program_lists_and_status()
    {
        Assert.Equal(ProgramSet.Jkk | ProgramSet.Jkm | ProgramSet.Jht, FieldParser.Programs("JKK, JKM; jht"));
        Assert.Equal(ProgramSet.Jkk | ProgramSet.Jkm, FieldParser.Programs("JKK+JKM"));
        Assert.True(FieldParser.IsActive("Aktif"));
        Assert.False(FieldParser.IsActive("NONAKTIF"));
        Assert.False(FieldParser.IsActive(""));
    }
}
