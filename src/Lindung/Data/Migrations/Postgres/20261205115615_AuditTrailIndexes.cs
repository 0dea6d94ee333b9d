using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lindung.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AuditTrailIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_audit_events_region_code",
                table: "audit_events");

            migrationBuilder.CreateIndex(
                name: "ix_audit_events_actor_at",
                table: "audit_events",
                columns: new[] { "actor", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_events_region_code_at",
                table: "audit_events",
                columns: new[] { "region_code", "at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_audit_events_actor_at",
                table: "audit_events");

            migrationBuilder.DropIndex(
                name: "ix_audit_events_region_code_at",
                table: "audit_events");

            migrationBuilder.CreateIndex(
                name: "ix_audit_events_region_code",
                table: "audit_events",
                column: "region_code");
        }
    }
}
