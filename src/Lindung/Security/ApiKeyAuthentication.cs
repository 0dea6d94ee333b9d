using System.Text.Encodings.Web;
using Lindung.Data;
using Lindung.Features.ApiKeys;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lindung.Security;

/// <summary>
/// Authenticates machine clients by <c>Authorization: Bearer lk_…</c> or <c>X-Api-Key: lk_…</c>. The
/// key is found by its prefix and checked against the stored SHA-256 in constant time; a revoked key
/// fails. The principal (<see cref="ApiKeyPrincipal"/>) is built once per cached row.
/// The row comes from <see cref="ApiKeyCache"/> when a recent request read it (cleared on revocation),
/// else from the database; the hash comparison runs on every request either way.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyCache cache, TimeProvider clock, DatabaseVersion version)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = ApiKeyPrincipal.SchemeName;
    public const string HeaderName = "X-Api-Key";
    public const string ActorPrefix = ApiKeyPrincipal.ActorPrefix;

    /// <summary>last_used_at is written at most this often per key, so busy clients do not write on every request.</summary>
    private static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(1);

    /// <summary>True when the request presents a key (either header), so the API-key scheme should handle it.</summary>
    public static bool Presents(HttpRequest request) =>
        request.Headers.ContainsKey(HeaderName) || request.Headers.Authorization.Count > 0;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = ReadKey(Request);
        if (presented is null)
        {
            return AuthenticateResult.NoResult();
        }

        var prefix = ApiKeyToken.PrefixOf(presented);
        var cached = prefix is null ? null : cache.Find(prefix);
        if (prefix is not null && cached is null)
        {
            var generation = cache.Generation;
            var row = await Db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Prefix == prefix, Context.RequestAborted);
            cached = row is null ? null : cache.Add(row, generation);
        }

        if (cached?.Row is not { } key || !ApiKeyToken.Matches(presented, key.SecretHash) || key.RevokedAt is not null)
        {
            return AuthenticateResult.Fail("Invalid or revoked API key.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (key.LastUsedAt is not { } last || now - last >= TouchInterval)
        {
            // Outside the change tracker: a use is not a change of the key, so it is not audited.
            // The cached row remembers the touch, so the next requests do not write again.
            var cutoff = now - TouchInterval;
            key.LastUsedAt = now;
            // Unversioned: no cached answer reads when a key was last used, so a busy client's
            // touch does not retire the answers it is being served.
            var db = Db;
            await version.WriteUnversionedAsync(
                db,
                ct => db.ApiKeys.Where(k => k.Id == key.Id && (k.LastUsedAt == null || k.LastUsedAt <= cutoff))
                    .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), ct),
                Context.RequestAborted);
        }

        return AuthenticateResult.Success(new AuthenticationTicket(cached.Principal, Scheme.Name));
    }

    /// <summary>Resolved only when the cache cannot answer, so a cached request builds no context.</summary>
    private LindungDbContext Db => Context.RequestServices.GetRequiredService<LindungDbContext>();

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return base.HandleChallengeAsync(properties);
    }

    private static string? ReadKey(HttpRequest request)
    {
        if (request.Headers[HeaderName].FirstOrDefault() is { Length: > 0 } header)
        {
            return header.Trim();
        }

        var authorization = request.Headers.Authorization.FirstOrDefault();
        return authorization is not null && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? authorization["Bearer ".Length..].Trim()
            : authorization;
    }
}
