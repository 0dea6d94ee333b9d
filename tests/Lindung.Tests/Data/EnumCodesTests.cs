using Lindung.Data;
using Lindung.Data.Entities;

namespace Lindung.Tests.Data;

/// <summary>What a person or client may type for an enum: a member's name or DOMAIN code, nothing else.</summary>
public sealed class EnumCodesTests
{
    [Theory]
    [InlineData("HarianLepas", "HarianLepas")]
    [InlineData("harian-lepas", "HarianLepas")]
    [InlineData(" HARIAN_LEPAS ", "HarianLepas")]
    [InlineData("gtt", "Gtt")]
    public void A_name_or_code_in_any_case_names_its_member(string typed, string expected)
    {
        Assert.True(EnumCodes<WorkerCategory>.TryParseName(typed, out var parsed));
        Assert.Equal(expected, parsed.ToString());
        Assert.Equal(CommitMode.ValidRowsOnly, EnumCodes<CommitMode>.ParseName("valid_rows_only"));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("0")]
    [InlineData("Gtt, Ptt")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("Guru")]
    public void A_number_a_list_or_an_unknown_word_names_nothing(string? typed)
    {
        // Enum.TryParse takes "1" and "Gtt, Ptt" and turns them into values nobody chose.
        Assert.False(EnumCodes<WorkerCategory>.TryParseName(typed, out _));
        Assert.Null(EnumCodes<WorkerCategory>.ParseName(typed));
    }
}
