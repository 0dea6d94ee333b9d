using System.Globalization;
using System.Threading.RateLimiting;
using Lindung.Features.Api;
using Lindung.Features.ApiKeys;
using Lindung.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Lindung.Features.Interop;

/// <summary>The envelope of a DCI social-registry sync search (header, message, search_request items).</summary>
internal sealed record DciSearchRequest(DciHeader? Header, DciSearchMessage? Message);

internal sealed record DciHeader(string? MessageId, string? MessageTs, string? Action, string? SenderId, string? Status = null, int? TotalCount = null, int? CompletedCount = null);

internal sealed record DciSearchMessage(string? TransactionId, IReadOnlyList<DciSearchItem>? SearchRequest);

internal sealed record DciSearchItem(string? ReferenceId, string? Timestamp, DciSearchCriteria? SearchCriteria);

internal sealed record DciSearchCriteria(string? QueryType, DciIdQuery? Query);

internal sealed record DciIdQuery(string? Type, string? Value);

internal sealed record DciSearchResponse(DciHeader Header, DciResponseMessage Message);

internal sealed record DciResponseMessage(string? TransactionId, string CorrelationId, IReadOnlyList<DciSearchResult> SearchResponse);

internal sealed record DciSearchResult(string? ReferenceId, string Timestamp, string Status, string? StatusReasonCode, string? StatusReasonMessage, DciResultData? Data);

internal sealed record DciResultData(IReadOnlyList<DciEnrolmentRecord> RegRecords);

/// <summary>All an answer says about a person: enrolled, the segment and whether a membership is active today.</summary>
internal sealed record DciEnrolmentRecord(bool Enrolled, string? Segment, bool Active);

/// <summary>How many searches a key may send a minute (<c>Interop:RequestsPerMinute</c>).</summary>
internal sealed class InteropSettings
{
    public const string Section = "Interop";

    public int RequestsPerMinute { get; set; } = 120;
}

/// <summary><c>POST /api/v1/dci/registry/sync/search</c>: "already enrolled?" for other social-protection systems.</summary>
internal static class DciSearchApi
{
    public const string RateLimitPolicy = "interop";

    public static IServiceCollection AddLindungInterop(this IServiceCollection services)
    {
        services.AddScoped<SearchEnrolment>();
        services.AddOptions<InteropSettings>().BindConfiguration(InteropSettings.Section);
        services.Configure<RateLimiterOptions>(limiter => limiter.AddPolicy(RateLimitPolicy, context =>
        {
            // Runs before authentication: the partition is the key's public prefix as presented, so
            // each key has its own budget and a client cannot spend another's by guessing secrets.
            var presented = context.Request.Headers[ApiKeyAuthenticationHandler.HeaderName].FirstOrDefault()
                ?? context.Request.Headers.Authorization.FirstOrDefault()?.Replace("Bearer ", string.Empty, StringComparison.OrdinalIgnoreCase);
            var partition = (presented is null ? null : ApiKeyToken.PrefixOf(presented.Trim())) ?? context.Connection.RemoteIpAddress?.ToString() ?? "-";
            var perMinute = context.RequestServices.GetRequiredService<IOptions<InteropSettings>>().Value.RequestsPerMinute;
            return RateLimitPartition.GetFixedWindowLimiter(partition, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = Math.Max(1, perMinute),
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            });
        }));
        return services;
    }

    public static IEndpointRouteBuilder MapDciSearchApi(this IEndpointRouteBuilder api)
    {
        api.MapPost("/dci/registry/sync/search", SearchAsync)
            .WithTags("Interoperability")
            .RequireAuthorization(Policies.Interop)
            .RequireRateLimiting(RateLimitPolicy)
            .WithName("DciRegistrySyncSearch")
            .WithSummary("DCI social-registry sync search by NIK (query_type idtype-value, type NIK; at most 100 per message) for an InteropClient API key: enrolled, segment and active today, nothing else; rate-limited per key; every query audited.");
        return api;
    }

    private static async Task<Results<Ok<DciSearchResponse>, ValidationProblem>> SearchAsync(
        HttpContext http, SearchEnrolment search, TimeProvider clock, DciSearchRequest request, CancellationToken ct)
    {
        var items = request.Message?.SearchRequest;
        var queries = items?.Select(i => new EnrolmentQuery(i.ReferenceId, i.SearchCriteria?.QueryType, i.SearchCriteria?.Query?.Type, i.SearchCriteria?.Query?.Value)).ToList();
        var result = await search.HandleAsync(queries, AccessScope.From(http.User), ct);
        if (!result.Succeeded)
        {
            return ApiLanguage.Problem(http, result.Errors, "search_request");
        }

        var now = clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        var answers = result.Value;
        var results = answers.Select(a => a.Refused
            ? new DciSearchResult(a.ReferenceId, now, "rjct", a.ReasonCode, a.ReasonMessage, null)
            : new DciSearchResult(a.ReferenceId, now, "succ", null, null, new DciResultData([new DciEnrolmentRecord(a.Enrolled, a.Segment, a.Active)]))).ToList();
        var completed = results.Count(r => r.Status == "succ");
        var header = new DciHeader(
            Guid.CreateVersion7().ToString("D"), now, "on-search", SenderId: "lindung",
            Status: completed == results.Count ? "succ" : completed == 0 ? "rjct" : "part", TotalCount: results.Count, CompletedCount: completed);
        return TypedResults.Ok(new DciSearchResponse(header, new DciResponseMessage(request.Message?.TransactionId, Guid.CreateVersion7().ToString("D"), results)));
    }
}
