using Microsoft.Data.Sqlite;

namespace Lindung.Tests.Infrastructure;

/// <summary>A fresh folder under the temp directory, deleted on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateDirectory(
        System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"lindung-test-{Guid.NewGuid():N}")).FullName;

    public void Dispose()
    {
        // A pooled SQLite connection keeps its file open.
        SqliteConnection.ClearAllPools();
        Directory.Delete(Path, recursive: true);
    }
}
