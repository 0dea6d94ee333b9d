using Lindung.Features.Imports;

#pragma warning disable CA1716
namespace Lindung.Tests.Features.Imports;
#pragma warning restore CA1716

/// <summary>The batched ids keep the layout of <see cref="Guid.CreateVersion7()"/> across buffer refills.</summary>
public class ImportIdsTests
{
    [Fact]
    public void Ids_are_distinct_version_7_and_carry_the_current_millisecond()
    {
        var ids = new ImportIds();
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var made = Enumerable.Range(0, 2_000).Select(_ => ids.Next()).ToList();
        var after = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        Assert.Equal(made.Count, made.Distinct().Count());
        Assert.All(made, id =>
        {
            Assert.Equal(7, id.Version);
            Assert.Equal(0b10, id.Variant >> 2);
            var milliseconds = Convert.ToInt64(id.ToString("N")[..12], 16);
            Assert.InRange(milliseconds, before, after);
        });
    }
}
