using Microsoft.EntityFrameworkCore;

namespace Lindung.Data;

/// <summary>The embedded default; migrations in Data/Migrations/Sqlite.</summary>
internal sealed class SqliteLindungDbContext(DbContextOptions<SqliteLindungDbContext> options) : LindungDbContext(options);
