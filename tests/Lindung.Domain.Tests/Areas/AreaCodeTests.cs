using Lindung.Domain.Areas;

namespace Lindung.Domain.Tests.Areas;

public class AreaCodeTests
{
    [Theory]
    [InlineData("35", "35", AreaLevel.Province)]
    [InlineData("3577", "35.77", AreaLevel.Regency)]
    [InlineData(" 35.77.01 ", "35.77.01", AreaLevel.District)]
    [InlineData("3577011001", "35.77.01.1001", AreaLevel.Village)]
    [InlineData("35.77.01.1001", "35.77.01.1001", AreaLevel.Village)]
    public void Normalizes_every_level(string input, string dotted, AreaLevel level)
    {
        Assert.Equal(dotted, AreaCode.Normalize(input));
        Assert.Equal(level, AreaCode.LevelOf(input));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("357")]
    [InlineData("35770")]
    [InlineData("35770110")]
    [InlineData("35770110011")]
    [InlineData("35-77")]
    public void Rejects_what_is_not_a_code(string? input)
    {
        Assert.Null(AreaCode.Normalize(input));
        Assert.Null(AreaCode.LevelOf(input));
    }
}
