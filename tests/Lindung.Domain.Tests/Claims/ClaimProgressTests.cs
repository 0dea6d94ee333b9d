using Lindung.Domain.Claims;

namespace Lindung.Domain.Tests.Claims;

public class ClaimProgressTests
{
    [Theory]
    [InlineData(ClaimStatus.Reported, ClaimStatus.Submitted)]
    [InlineData(ClaimStatus.Reported, ClaimStatus.Paid)]
    [InlineData(ClaimStatus.Submitted, ClaimStatus.Complete)]
    [InlineData(ClaimStatus.Complete, ClaimStatus.Paid)]
    [InlineData(ClaimStatus.Complete, ClaimStatus.Rejected)]
    [InlineData(ClaimStatus.Complete, ClaimStatus.Complete)]
    [InlineData(ClaimStatus.Paid, ClaimStatus.Paid)]
    public void A_claim_moves_forward_or_to_rejected(ClaimStatus from, ClaimStatus to) =>
        Assert.True(ClaimProgress.MayMove(from, to));

    [Theory]
    [InlineData(ClaimStatus.Complete, ClaimStatus.Submitted)]
    [InlineData(ClaimStatus.Submitted, ClaimStatus.Reported)]
    [InlineData(ClaimStatus.Paid, ClaimStatus.Complete)]
    [InlineData(ClaimStatus.Paid, ClaimStatus.Rejected)]
    [InlineData(ClaimStatus.Rejected, ClaimStatus.Paid)]
    [InlineData(ClaimStatus.Rejected, ClaimStatus.Submitted)]
    public void A_claim_never_moves_back_and_paid_or_rejected_is_final(ClaimStatus from, ClaimStatus to) =>
        Assert.False(ClaimProgress.MayMove(from, to));
}
