using Microsoft.EntityFrameworkCore;

namespace Lindung.Data;

/// <summary>PostgreSQL (and later Citus); migrations in Data/Migrations/Postgres.</summary>
internal sealed class PostgresLindungDbContext(DbContextOptions<PostgresLindungDbContext> options) : LindungDbContext(options);
