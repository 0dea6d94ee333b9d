using Lindung.Data;
using Lindung.Features.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Imports;

/// <summary>An import's progress written to its job row at most once per interval.</summary>
internal sealed class ImportProgressRecorder(IServiceScopeFactory scopes, Guid jobId, TimeSpan interval, TimeProvider clock)
    : ProgressRecorder<ImportProgress>(interval, clock)
{
    protected override async Task WriteAsync(ImportProgress latest, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
        await db.ImportJobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(
            s => s.SetProperty(j => j.Phase, Truncate(latest.Phase))
                .SetProperty(j => j.RowsRead, latest.RowsRead)
                .SetProperty(j => j.BytesRead, latest.BytesRead)
                .SetProperty(j => j.TotalBytes, latest.TotalBytes),
            ct);
    }
}
