using Lindung.Domain.Coverage;

namespace Lindung.Domain.Tests.Coverage;

public sealed class CoverageThresholdsTests
{
    [Theory]
    [InlineData(85, 100, 8500, CoverageClass.Green)]   // exactly on target
    [InlineData(84, 100, 8500, CoverageClass.Yellow)]
    [InlineData(68, 100, 8500, CoverageClass.Yellow)]  // exactly 80% of 85%
    [InlineData(67, 100, 8500, CoverageClass.Red)]
    [InlineData(0, 100, 8500, CoverageClass.Red)]
    [InlineData(5, 0, 8500, CoverageClass.None)]       // nobody on the roster
    public void Default_thresholds_are_green_at_target_and_yellow_from_80_percent_of_it(long covered, long eligible, int target, CoverageClass expected) =>
        Assert.Equal(expected, CoverageThresholds.Default.Classify(covered, eligible, target));

    [Fact]
    public void No_target_means_no_class() =>
        Assert.Equal(CoverageClass.None, CoverageThresholds.Default.Classify(50, 100, null));

    [Fact]
    public void Custom_thresholds_move_the_switch_points()
    {
        var strict = new CoverageThresholds(11_000, 9_500);

        Assert.Equal(CoverageClass.Yellow, strict.Classify(50, 100, 5000));
        Assert.Equal(CoverageClass.Green, strict.Classify(55, 100, 5000));
        Assert.Equal(CoverageClass.Red, strict.Classify(47, 100, 5000));
    }

    [Theory]
    [InlineData(8000, 9000, "green must not be below yellow")]
    [InlineData(10000, 0, "yellow must be above 0")]
    [InlineData(25000, 8000, "green must be at most 200% of the target")]
    public void Unusable_thresholds_say_why(int green, int yellow, string problem) =>
        Assert.Equal(problem, new CoverageThresholds(green, yellow).Problem());

    [Fact]
    public void Millions_of_workers_do_not_overflow() =>
        Assert.Equal(CoverageClass.Green, CoverageThresholds.Default.Classify(99_000_000, 100_000_000, 9900));
}
