using Lindung.Data;
using Lindung.Domain.Compliance;
using Microsoft.Extensions.Options;

namespace Lindung.Features.Compliance;

/// <summary>Everything an answer depends on: what the scope counts (<see cref="Security.ScopedQueries.EmployerFactsScopeKey"/>), the identifier and the day.</summary>
internal readonly record struct ComplianceAnswerKey(string Scope, EmployerIdentifier Identifier, DateOnly Today);

/// <summary>
/// Compliance answers kept while the database holds the data they were computed from, up to
/// <see cref="ComplianceOptions.CacheEntries"/> answers (a few hundred bytes each); once full, a
/// new generation starts. A licensing system asks about the same applicants again and again between
/// two imports; each answer is still audited. Null when the setting is 0: every check is computed.
/// </summary>
internal sealed class ComplianceAnswerCache(IOptions<ComplianceOptions> options, DatabaseVersion version)
{
    public VersionedCache<ComplianceAnswerKey, EmployerCompliance>? Answers { get; } =
        options.Value.CacheEntries > 0 ? new(options.Value.CacheEntries, version.IsSameData) : null;
}

/// <summary>The <c>Compliance</c> settings section.</summary>
internal sealed class ComplianceOptions
{
    public const string Section = "Compliance";

    /// <summary>Answers kept between commits; 0 turns the cache off.</summary>
    public int CacheEntries { get; set; } = 50_000;
}
