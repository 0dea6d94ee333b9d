using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Lindung.Data;

/// <summary>
/// Used by <c>dotnet ef migrations add</c> only (see docs/DATA-MODEL.md): no database is opened, the
/// connection strings just pick the provider.
/// </summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteLindungDbContext>
{
    public SqliteLindungDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteLindungDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresLindungDbContext>
{
    public PostgresLindungDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresLindungDbContext>().UseNpgsql("Host=localhost;Database=lindung_design").Options);
}
