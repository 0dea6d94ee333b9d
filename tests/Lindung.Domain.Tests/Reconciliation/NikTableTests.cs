using CsCheck;
using Lindung.Domain.Reconciliation;

namespace Lindung.Domain.Tests.Reconciliation;

public class NikTableTests
{
    [Fact]
    public void Behaves_like_a_dictionary_under_any_sequence_of_sets()
    {
        // Small keys collide in the probe sequence; large ones look like real NIKs.
        var keys = Gen.OneOf(Gen.Long[1, 300], Gen.Long[1_100_000_000_000_000, 9_999_999_999_999_999]);
        Gen.Select(keys, Gen.Int).Array[0, 3000].Sample(operations =>
        {
            var table = new NikTable();
            var expected = new Dictionary<long, int>();
            foreach (var (key, value) in operations)
            {
                table.Set(key, value);
                expected[key] = value;
            }

            Assert.Equal(expected.Count, table.Count);
            foreach (var (key, value) in expected)
            {
                Assert.True(table.TryGetValue(key, out var found));
                Assert.Equal(value, found);
            }

            for (var absent = 301L; absent < 400; absent++)
            {
                Assert.Equal(expected.ContainsKey(absent), table.ContainsKey(absent));
            }
        });
    }

    [Fact]
    public void Zero_is_no_nik_and_never_a_key()
    {
        var table = new NikTable(10);
        Assert.False(table.ContainsKey(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => table.Set(0, 1));
    }

    [Fact]
    public void Grows_past_its_first_capacity_without_losing_entries()
    {
        var table = new NikTable(4);
        for (var i = 1L; i <= 100_000; i++)
        {
            table.Set(3577010000000000 + i, (int)i);
        }

        Assert.Equal(100_000, table.Count);
        Assert.True(table.TryGetValue(3577010000000000 + 77_777, out var value));
        Assert.Equal(77_777, value);
    }
}
