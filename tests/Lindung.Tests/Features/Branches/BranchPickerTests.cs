using Lindung.Features.Branches;
using Lindung.Security;

namespace Lindung.Tests.Features.Branches;

/// <summary>The dashboard's branch picker starts where the user's regions are.</summary>
public sealed class BranchPickerTests
{
    private static readonly List<BranchSummary> Branches =
    [
        new("EX-MADIUN", "Madiun", "35.77", ["35.19", "35.77"], false),
        new("EX-KEDIRI", "Kediri", "35.71", ["35.06", "35.71"], false),
    ];

    [Theory]
    [InlineData("35.77", "EX-MADIUN")]
    [InlineData("35.77,35.19", "EX-MADIUN")]
    [InlineData("35.77.01", "EX-MADIUN")]
    [InlineData("35.77,35.71", null)]
    [InlineData("35", null)]
    public void The_picker_is_prefilled_when_the_users_regions_fall_in_one_branch(string regions, string? expected)
    {
        var access = new AccessScope(new HashSet<string> { Lindung.Data.LindungRoles.BranchOfficer }, regions.Split(','), null, "bo@example.id");

        Assert.Equal(expected, Lindung.Features.Dashboard.BranchesModel.Prefill(Branches, access));
    }

    [Fact]
    public void A_user_who_sees_one_branch_gets_it_and_a_whole_installation_user_chooses()
    {
        var everyone = new AccessScope(new HashSet<string> { Lindung.Data.LindungRoles.Leader }, [], null, "leader@example.id", WholeInstallation: true);

        Assert.Equal("EX-KEDIRI", Lindung.Features.Dashboard.BranchesModel.Prefill([Branches[1]], everyone));
        Assert.Null(Lindung.Features.Dashboard.BranchesModel.Prefill(Branches, everyone));
    }
}
