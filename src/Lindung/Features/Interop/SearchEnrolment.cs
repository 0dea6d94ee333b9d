using System.Text.Json;
using Lindung.Application;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Areas;
using Lindung.Domain.Contributions;
using Lindung.Domain.Identifiers;
using Lindung.Features.Users;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Interop;

/// <summary>One question of another social-protection system: is the person with this NIK enrolled?</summary>
internal sealed record EnrolmentQuery(string? ReferenceId, string? QueryType, string? IdType, string? Value);

/// <summary>
/// The answer, and nothing else: enrolled at all, the segment of the newest membership and whether
/// one is active today. A refused query carries a DCI reason code instead.
/// </summary>
internal sealed record EnrolmentAnswer(string? ReferenceId, bool Refused, string? ReasonCode, string? ReasonMessage, bool Enrolled, string? Segment, bool Active);

/// <summary>
/// "Already enrolled?" for other social-protection systems (DCI social-registry search by NIK).
/// The answer covers the memberships of the key's region (the extracts loaded for it); it never
/// names the person, the KPJ, the employer or a wage. Every query — answered or refused — is an
/// audit event naming the key, so an auditor can tell who asked about whom.
/// </summary>
internal sealed class SearchEnrolment(LindungDbContext db, IAuditActor actor, TimeProvider clock)
{
    /// <summary>The most queries one message may carry.</summary>
    public const int MaxQueries = 100;

    public const string EntityType = "EnrolmentSearch";

    public static readonly UseCaseError NoQueries = UseCaseError.Of(
        "SEARCH_REQUEST_EMPTY", "Permintaan tidak berisi pencarian.", "The request holds no search.", "search_request");

    public static readonly UseCaseError TooManyQueries = UseCaseError.Of(
        "SEARCH_REQUEST_TOO_LARGE", $"Paling banyak {MaxQueries} pencarian per permintaan.", $"At most {MaxQueries} searches per request.", "search_request");

    public async Task<UseCaseResult<IReadOnlyList<EnrolmentAnswer>>> HandleAsync(IReadOnlyList<EnrolmentQuery>? queries, AccessScope scope, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (queries is null || queries.Count == 0)
        {
            return NoQueries;
        }

        if (queries.Count > MaxQueries)
        {
            return TooManyQueries;
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var validator = new NikValidator(AreaDirectory.Embedded);
        var answers = new List<EnrolmentAnswer>(queries.Count);
        foreach (var query in queries)
        {
            answers.Add(await AnswerAsync(query, validator, scope, today, ct));
        }

        var at = clock.GetUtcNow().UtcDateTime;
        var region = scope.RegionCodes.Count > 0 ? scope.RegionCodes[0] : AddUser.InstallationWide;
        for (var i = 0; i < queries.Count; i++)
        {
            var (query, answer) = (queries[i], answers[i]);
            db.AuditEvents.Add(new AuditEvent
            {
                At = at,
                Actor = actor.Name,
                Action = AuditAction.Searched,
                EntityType = EntityType,
                EntityKey = Truncate(query.ReferenceId) ?? "-",
                After = JsonSerializer.Serialize(new
                {
                    id_type = Truncate(query.IdType),
                    nik = Truncate(query.Value),
                    answer = answer.Refused ? answer.ReasonCode : answer.Enrolled ? (answer.Active ? "enrolled_active" : "enrolled_inactive") : "not_enrolled",
                }),
                RegionCode = region,
            });
        }

        await db.SaveChangesAsync(ct);
        return UseCaseResult<IReadOnlyList<EnrolmentAnswer>>.Ok(answers);
    }

    private async Task<EnrolmentAnswer> AnswerAsync(EnrolmentQuery query, NikValidator validator, AccessScope scope, DateOnly today, CancellationToken ct)
    {
        if (!string.Equals(query.QueryType, "idtype-value", StringComparison.OrdinalIgnoreCase))
        {
            return Refuse(query, "rjct.query_type.invalid", "Hanya query_type idtype-value yang didukung.", "Only the idtype-value query type is supported.");
        }

        if (!string.Equals(query.IdType, "NIK", StringComparison.OrdinalIgnoreCase))
        {
            return Refuse(query, "rjct.id_type.invalid", "Hanya jenis identitas NIK yang didukung.", "Only the NIK identifier type is supported.");
        }

        var check = validator.Check(query.Value, today);
        if (!check.IsValid)
        {
            return Refuse(query, "rjct.query.invalid", "NIK tidak valid: " + check.Errors[0].MessageId, "Invalid NIK: " + check.Errors[0].MessageEn);
        }

        var nik = check.Normalized!;
        var regions = scope.WholeInstallation ? null : scope.RegionCodes;
        if (regions is { Count: 0 })
        {
            return new EnrolmentAnswer(query.ReferenceId, false, null, null, Enrolled: false, Segment: null, Active: false);
        }

        var memberships = db.Memberships.AsNoTracking().Where(m => m.Worker!.Nik == nik);
        if (regions is not null)
        {
            memberships = memberships.Where(RegionFilter.Within<Membership>(regions));
        }

        var newest = await memberships.OrderByDescending(m => m.ValidFrom).Select(m => (Segment?)m.Segment).FirstOrDefaultAsync(ct);
        if (newest is null)
        {
            return new EnrolmentAnswer(query.ReferenceId, false, null, null, Enrolled: false, Segment: null, Active: false);
        }

        var active = await memberships.CoveredOn(today).Select(m => (Segment?)m.Segment).FirstOrDefaultAsync(ct);
        var segment = active ?? newest;
        return new EnrolmentAnswer(query.ReferenceId, false, null, null, Enrolled: true, EnumCodes<Segment>.ToCode(segment.Value), Active: active is not null);
    }

    private static EnrolmentAnswer Refuse(EnrolmentQuery query, string code, string messageId, string messageEn) =>
        new(query.ReferenceId, Refused: true, code, messageId + " · " + messageEn, Enrolled: false, Segment: null, Active: false);

    /// <summary>What a client sent is kept for the auditor, but never more than a line of it.</summary>
    private static string? Truncate(string? value) => value is { Length: > 64 } ? value[..64] : value;
}
