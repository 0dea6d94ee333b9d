using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Validation;
using Lindung.Features.Api;
using Lindung.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.ApiKeys;

/// <summary>A key as listed: never the secret or its hash.</summary>
internal sealed record ApiKeyDto(
    Guid Id, string Name, string Prefix, string Role, Guid? AgencyId, string RegionCode, string CreatedBy,
    DateTime CreatedAt, DateTime? LastUsedAt, DateTime? RevokedAt)
{
    public static ApiKeyDto From(ApiKey k) =>
        new(k.Id, k.Name, k.Prefix, k.Role, k.AgencyId, k.RegionCode, k.CreatedBy, k.CreatedAt, k.LastUsedAt, k.RevokedAt);
}

/// <summary>The answer to a create: the full key, shown this once.</summary>
internal sealed record CreatedApiKeyDto(ApiKeyDto ApiKey, string Key);

internal sealed record ApiKeyRequest(string? Name, string? Role, string? AgencyCode, string? RegionCode);

/// <summary><c>/api/v1/api-keys</c>: regional admins list, issue and revoke machine-client keys (Administration policy).</summary>
internal static class ApiKeysApi
{
    public static IEndpointRouteBuilder MapApiKeysApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/api-keys").WithTags("API keys").RequireAuthorization(Policies.Administration);
        group.MapGet("/", ListAsync)
            .WithName("ListApiKeys").WithSummary("API keys of the caller's regions, revoked ones included.");
        group.MapPost("/", CreateAsync)
            .WithName("CreateApiKey").WithSummary("Issue a key; the response holds the full key once, only its hash is stored.");
        group.MapPost("/{id:guid}/revoke", RevokeAsync)
            .WithName("RevokeApiKey").WithSummary("Revoke a key at once; revoking again changes nothing.");
        return api;
    }

    private static async Task<Results<Ok<PageOf<ApiKeyDto>>, ValidationProblem>> ListAsync(
        HttpContext http, LindungDbContext db, int? page, int? pageSize, CancellationToken ct)
    {
        var errors = new Dictionary<string, ValidationError>();
        var paging = Paging.Read(page, pageSize, errors);
        if (errors.Count > 0)
        {
            return ApiLanguage.Problem(http, errors);
        }

        var rows = db.ApiKeysFor(AccessScope.From(http.User)).OrderByDescending(k => k.CreatedAt).ThenBy(k => k.Id);
        return TypedResults.Ok(await paging.ToPageAsync(rows, ApiKeyDto.From, ct));
    }

    private static async Task<Results<Created<CreatedApiKeyDto>, ValidationProblem>> CreateAsync(
        HttpContext http, LindungDbContext db, TimeProvider clock, ApiKeyRequest request, CancellationToken ct)
    {
        var scope = AccessScope.From(http.User);
        var (issued, errors) = await IssueApiKey.CreateAsync(
            db, db.AgenciesFor(scope), scope.RegionLimit, new NewApiKey(request.Name, request.Role, request.AgencyCode, request.RegionCode),
            scope.UserName, clock.GetUtcNow().UtcDateTime, ct);
        if (issued is null)
        {
            return ApiLanguage.Problem(http, errors.ToDictionary(e => e.Key == "agency" ? "agency_code" : e.Key == "region" ? "region_code" : e.Key, e => e.Value));
        }

        return TypedResults.Created($"{ApiSetup.Prefix}/api-keys/{issued.Row.Id}", new CreatedApiKeyDto(ApiKeyDto.From(issued.Row), issued.Key));
    }

    private static async Task<Results<NoContent, NotFound>> RevokeAsync(
        HttpContext http, LindungDbContext db, TimeProvider clock, Guid id, CancellationToken ct)
    {
        if (await db.ApiKeysFor(AccessScope.From(http.User)).SingleOrDefaultAsync(k => k.Id == id, ct) is not { } key)
        {
            return TypedResults.NotFound();
        }

        await IssueApiKey.RevokeAsync(db, key, clock.GetUtcNow().UtcDateTime, ct);
        return TypedResults.NoContent();
    }
}
