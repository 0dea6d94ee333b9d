using System.Text.Json.Serialization;
using Lindung.Domain.Contributions;

namespace Lindung.Features.Contributions;

/// <summary>The JSON printed by <c>lindung contribution</c>; keys are snake_case.</summary>
internal sealed record ContributionReport(
    Segment Segment,
    object Input,
    ContributionPeriod Period,
    IReadOnlyList<ContributionLine> Lines,
    long EmployerTotal,
    long WorkerTotal,
    long Total,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? ProjectMonths,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? ProjectTotal,
    IReadOnlyList<LegalBasisEntry> LegalBasis)
{
    public static ContributionReport From(Segment segment, object input, ContributionResult result) =>
        new(segment, input, result.Period, result.Lines, result.EmployerTotal, result.WorkerTotal, result.Total,
            result.ProjectMonths, result.ProjectTotal, result.LegalBasis);
}
