using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Identifiers;
using Lindung.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lindung.Tests.Data;

/// <summary>
/// Contexts are pooled and their interceptors shared: what belongs to one scope (who acts, the
/// audit events of a save in flight) must never reach the next scope that borrows the same context.
/// </summary>
public sealed class ContextPoolTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task A_borrowed_context_audits_under_the_actor_of_the_scope_that_borrowed_it()
    {
        await using var services = await StartAsync();
        var first = Guid.Empty;
        foreach (var actor in new[] { "operator@dinkes", "officer@bpjs" })
        {
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<ScopedActor>().Name = actor;
            var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
            // The second scope gets the very context the first returned: the pool is what is tested.
            first = first == Guid.Empty ? db.ContextId.InstanceId : first;
            Assert.Equal(first, db.ContextId.InstanceId);
            db.Workers.Add(NewWorker(actor));
            await db.SaveChangesAsync();
        }

        await using var check = services.CreateAsyncScope();
        var events = await check.ServiceProvider.GetRequiredService<LindungDbContext>().AuditEvents
            .Where(a => a.EntityType == nameof(Worker)).OrderBy(a => a.Id).Select(a => a.Actor).ToListAsync();
        Assert.Equal(["operator@dinkes", "officer@bpjs"], events);
    }

    [Fact]
    public async Task A_context_disposed_by_its_code_and_then_by_its_scope_goes_back_to_the_pool_once()
    {
        await using var services = await StartAsync();
        await using (var scope = services.CreateAsyncScope())
        {
            await using var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
            _ = await db.Workers.CountAsync();
        }

        await using var a = services.CreateAsyncScope();
        await using var b = services.CreateAsyncScope();
        Assert.NotSame(a.ServiceProvider.GetRequiredService<LindungDbContext>(), b.ServiceProvider.GetRequiredService<LindungDbContext>());
    }

    public void Dispose() => _directory.Dispose();

    private async Task<ServiceProvider> StartAsync()
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddScoped<ScopedActor>()
            .AddScoped<IAuditActor>(sp => sp.GetRequiredService<ScopedActor>())
            .AddLindungDatabase(DatabaseSettings.Sqlite(Path.Combine(_directory.Path, Guid.NewGuid().ToString("N"))))
            .BuildServiceProvider();
        await services.MigrateLindungDatabaseAsync();
        return services;
    }

    private static Worker NewWorker(string name, string? nik = null) => new()
    {
        Nik = nik ?? "357701" + Random.Shared.NextInt64(1_000_000_000, 9_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture),
        Name = name,
        BirthDate = new DateOnly(1990, 5, 17),
        Sex = Sex.L,
        RegionCode = "35.77",
    };

    private sealed class ScopedActor : IAuditActor
    {
        public string Name { get; set; } = SystemAuditActor.SystemName;
    }
}
