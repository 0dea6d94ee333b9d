using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Licensing;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Licensing;

/// <summary>A rule version as the domain reads it, with the id of its row so a decision can name it.</summary>
internal sealed record StoredRule(Guid Id, LicenceRule Rule);

/// <summary>
/// The <c>licence_rules</c> table as a <see cref="LicenceRuleBook"/>, and the one way rows get in:
/// <see cref="AddAsync"/> adds versions that are not there yet and never touches one that is.
/// Every added row is audited by the audit interceptor with the caller (or "system" at start-up).
/// </summary>
internal static class LicenceRuleStore
{
    public static async Task<(LicenceRuleBook Book, IReadOnlyDictionary<(string, string, DateOnly), Guid> Ids)> LoadAsync(LindungDbContext db, CancellationToken ct)
    {
        // A region holds tens of rules, not thousands: the whole table is read once per question.
        var rows = await db.LicenceRules.AsNoTracking().ToListAsync(ct);
        var ids = rows.ToDictionary(r => (r.LicenceType, r.RegionCode, r.EffectiveFrom), r => r.Id);
        return (new LicenceRuleBook(rows.Select(ToRule)), ids);
    }

    public static async Task<StoredRule?> FindAsync(LindungDbContext db, string licenceType, string regionCode, DateOnly day, CancellationToken ct)
    {
        var (book, ids) = await LoadAsync(db, ct);
        return book.Find(licenceType, regionCode, day) is { } rule ? new StoredRule(ids[(rule.LicenceType, rule.RegionCode, rule.EffectiveFrom)], rule) : null;
    }

    /// <summary>Adds the versions whose type, region and first day are not stored yet; returns how many were added.</summary>
    public static async Task<int> AddAsync(LindungDbContext db, IEnumerable<LicenceRule> rules, string source, DateTime now, CancellationToken ct)
    {
        var existing = (await db.LicenceRules.Select(r => new { r.LicenceType, r.RegionCode, r.EffectiveFrom }).ToListAsync(ct))
            .Select(r => (r.LicenceType, r.RegionCode, r.EffectiveFrom)).ToHashSet();
        var added = 0;
        foreach (var rule in rules)
        {
            if (existing.Add((rule.LicenceType, rule.RegionCode, rule.EffectiveFrom)))
            {
                db.LicenceRules.Add(ToRow(rule, source, now));
                added++;
            }
        }

        await db.SaveChangesAsync(ct);
        return added;
    }

    public static LicenceRule ToRule(LicenceRuleVersion row) => new()
    {
        LicenceType = row.LicenceType,
        NameId = row.NameId,
        NameEn = row.NameEn,
        RegionCode = row.RegionCode,
        EffectiveFrom = row.EffectiveFrom,
        RequiresProof = row.RequiresProof,
        WithheldUnderTmp2t = row.WithheldUnderTmp2t,
        ExemptMicro = row.ExemptMicro,
        AcceptBpuForSoleTrader = row.AcceptBpuForSoleTrader,
        Outcomes = LicenceRule.ParseOutcomes(row.Outcomes, out _) ?? LicenceRule.DefaultOutcomes,
        LegalBasis = row.LegalBasis,
        LegalBasisStatus = row.LegalBasisIsExample ? LegalBasisStatus.Example : LegalBasisStatus.Confirmed,
    };

    public static LicenceRuleVersion ToRow(LicenceRule rule, string source, DateTime now) => new()
    {
        LicenceType = rule.LicenceType,
        NameId = rule.NameId,
        NameEn = rule.NameEn,
        RegionCode = rule.RegionCode,
        EffectiveFrom = rule.EffectiveFrom,
        RequiresProof = rule.RequiresProof,
        WithheldUnderTmp2t = rule.WithheldUnderTmp2t,
        ExemptMicro = rule.ExemptMicro,
        AcceptBpuForSoleTrader = rule.AcceptBpuForSoleTrader,
        Outcomes = LicenceRule.FormatOutcomes(rule.Outcomes),
        LegalBasis = rule.LegalBasis,
        LegalBasisIsExample = rule.LegalBasisStatus == LegalBasisStatus.Example,
        Source = source,
        CreatedAt = now,
    };
}

/// <summary>
/// Loads the region's rule files from the data folder into the table at start-up; registered after
/// the database migrator. A bad file stops the start with its name, like a bad rate overlay.
/// </summary>
internal sealed partial class LicenceRuleFileLoader(IServiceProvider services, Hosting.LindungHostOptions host, TimeProvider clock, ILogger<LicenceRuleFileLoader> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var files = LicenceRuleFiles.ReadDataFolder(host.DataDirectory);
        if (files.Count == 0)
        {
            return;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
        foreach (var (source, rules) in files)
        {
            var added = await LicenceRuleStore.AddAsync(db, rules, source, clock.GetUtcNow().UtcDateTime, cancellationToken);
            LogLoaded(logger, source, added, rules.Count);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Licence rules {Source}: {Added} new version(s) of {Count}.")]
    private static partial void LogLoaded(ILogger logger, string source, int added, int count);
}
