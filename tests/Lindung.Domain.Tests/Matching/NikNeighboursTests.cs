using Lindung.Domain.Matching;

namespace Lindung.Domain.Tests.Matching;

public class NikNeighboursTests
{
    [Fact]
    public void Every_single_digit_slip_and_adjacent_swap_is_listed_once()
    {
        const string nik = "3577011203900001";
        var neighbours = NikNeighbours.OneSlipAway(nik).ToList();

        var swaps = Enumerable.Range(0, 15).Count(i => nik[i] != nik[i + 1]);
        Assert.Equal((16 * 9) + swaps, neighbours.Count);
        Assert.Equal(neighbours.Count, neighbours.Distinct().Count());
        Assert.DoesNotContain(nik, neighbours);
        Assert.Contains("3577011203900010", neighbours); // last two swapped
        Assert.Contains("3577011203900007", neighbours); // last digit wrong
        Assert.Contains("3577101203900001", neighbours); // positions 5–6 swapped
        Assert.All(neighbours, n => Assert.Equal(16, n.Length));
    }

    [Theory]
    [InlineData("")]
    [InlineData("357701120390000")]
    [InlineData("35770112039000a1")]
    public void Malformed_input_has_no_neighbours(string nik) => Assert.Empty(NikNeighbours.OneSlipAway(nik));
}
