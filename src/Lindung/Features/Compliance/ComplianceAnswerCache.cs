using System.Collections.Concurrent;
using Lindung.Data;
using Lindung.Domain.Compliance;
using Lindung.Security;
using Microsoft.Extensions.Options;

namespace Lindung.Features.Compliance;

/// <summary>Everything an answer depends on: what the scope counts (<see cref="ScopedQueries.EmployerFactsScopeKey"/>), the identifier and the day.</summary>
internal readonly record struct ComplianceAnswerKey(string Scope, EmployerIdentifier Identifier, DateOnly Today);

/// <summary>
/// What the compliance check keeps while the database holds the data it was read from (see
/// <see cref="DatabaseVersion"/>; each answer is still audited):
/// <list type="bullet">
/// <item>answers, up to <see cref="ComplianceOptions.CacheEntries"/> (a few hundred bytes each): a
/// licensing system asks about the same applicants again and again between two imports;</item>
/// <item>per scope, the facts of every employer (<see cref="ComplianceFactsSnapshot"/>), read in the
/// background once a version has cost <see cref="BuildAfterMisses"/> computed checks: a system asking
/// about many different firms then gets each answer from memory too. Until it is ready, and after
/// any commit until the next one is, checks are computed one by one.</item>
/// </list>
/// Both are off when the setting is 0: every check is computed.
/// </summary>
internal sealed partial class ComplianceAnswerCache(
    IOptions<ComplianceOptions> options, DatabaseVersion version, IServiceScopeFactory scopes, ILogger<ComplianceAnswerCache> logger) : IDisposable
{
    public const int BuildAfterMisses = 64;

    private readonly ConcurrentDictionary<string, FactsSlot> _facts = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();

    public VersionedCache<ComplianceAnswerKey, EmployerCompliance>? Answers { get; } =
        options.Value.CacheEntries > 0 ? new(options.Value.CacheEntries, version.IsSameData) : null;

    /// <summary>The facts of every employer for <paramref name="scopeKey"/> as of <paramref name="at"/>, when they have been read.</summary>
    public ComplianceFactsSnapshot? Facts(string scopeKey, string at, DateOnly today)
    {
        if (!_facts.TryGetValue(scopeKey, out var slot) || Volatile.Read(ref slot.Built) is not { } built || built.Snapshot.Today != today)
        {
            return null;
        }

        if (string.Equals(built.Version, at, StringComparison.Ordinal))
        {
            return built.Snapshot;
        }

        if (!version.IsSameData(built.Version, at))
        {
            return null;
        }

        // Re-labelled, so the chain of audit writes behind it stays short.
        Interlocked.CompareExchange(ref slot.Built, built with { Version = at }, built);
        return built.Snapshot;
    }

    /// <summary>Keeps facts a caller read itself (a list that needed them at once) for the checks that follow.</summary>
    public void Keep(string scopeKey, string at, ComplianceFactsSnapshot snapshot)
    {
        var slot = _facts.GetOrAdd(scopeKey, _ => new FactsSlot());
        Volatile.Write(ref slot.Built, new BuiltFacts(at, snapshot));
    }

    /// <summary>A check for <paramref name="scope"/> was computed: enough of them at one version start reading every employer's facts.</summary>
    public void Missed(string scopeKey, AccessScope scope, string at, DateOnly today)
    {
        var slot = _facts.GetOrAdd(scopeKey, _ => new FactsSlot());
        lock (slot)
        {
            if (slot.Building || _stopping.IsCancellationRequested)
            {
                return;
            }

            if (slot.MissedAt is null || !version.IsSameData(slot.MissedAt, at))
            {
                (slot.MissedAt, slot.Misses) = (at, 0);
            }

            if (++slot.Misses < BuildAfterMisses)
            {
                return;
            }

            slot.Building = true;
        }

        _ = Task.Run(() => ReadAllAsync(slot, scope, today));
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    private async Task ReadAllAsync(FactsSlot slot, AccessScope scope, DateOnly today)
    {
        try
        {
            var ct = _stopping.Token;
            // Read before the facts: they are this version's data or newer, never older.
            var at = await version.ReadAsync(ct);
            var started = TimeProvider.System.GetTimestamp();
            await using var services = scopes.CreateAsyncScope();
            var snapshot = await services.ServiceProvider.GetRequiredService<CheckEmployerCompliance>().ReadAllAsync(scope, today, ct);
            Volatile.Write(ref slot.Built, new BuiltFacts(at, snapshot));
            var elapsed = TimeProvider.System.GetElapsedTime(started).TotalMilliseconds;
            LogRead(logger, snapshot.Employers, elapsed);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogReadFailed(logger, e);
        }
        finally
        {
            lock (slot)
            {
                (slot.Building, slot.Misses) = (false, 0);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Compliance facts of {Employers} employers read in {Milliseconds:0} ms.")]
    private static partial void LogRead(ILogger logger, int employers, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading every employer's compliance facts failed; checks are computed one by one.")]
    private static partial void LogReadFailed(ILogger logger, Exception exception);

    private sealed record BuiltFacts(string Version, ComplianceFactsSnapshot Snapshot);

    private sealed class FactsSlot
    {
        public BuiltFacts? Built;
        public bool Building;
        public string? MissedAt;
        public int Misses;
    }
}

/// <summary>The <c>Compliance</c> settings section.</summary>
internal sealed class ComplianceOptions
{
    public const string Section = "Compliance";

    /// <summary>Answers kept between commits; 0 turns the cache (and the facts read for all employers) off.</summary>
    public int CacheEntries { get; set; } = 50_000;
}
