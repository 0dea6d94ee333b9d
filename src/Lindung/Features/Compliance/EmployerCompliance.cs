using Lindung.Domain.Compliance;

namespace Lindung.Features.Compliance;

/// <summary>The employer a compliance answer is about, when the registry knows it: identity only, no worker data.</summary>
internal sealed record ComplianceEmployer(Guid Id, string Name, string? Npp, string? Nib, string? Npwp, string RegionCode);

/// <summary>
/// The answer to "is this firm protecting its workers?": the identifier asked about, the status
/// and every finding with its evidence, the employer when known, and the day the figures describe.
/// </summary>
internal sealed record EmployerCompliance(
    EmployerIdentifier Identifier,
    ComplianceStatus Status,
    IReadOnlyList<ComplianceFinding> Findings,
    ComplianceEmployer? Employer,
    int ActiveMembers,
    DateOnly? AsOf,
    DateTime CheckedAt);
