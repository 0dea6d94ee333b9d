using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lindung.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ReconciliationJobs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "done",
                table: "reconciliation_runs",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "error",
                table: "reconciliation_runs",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "phase",
                table: "reconciliation_runs",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            // Runs stored before runs were queued all ran to the end inside the request that asked for them.
            migrationBuilder.AddColumn<string>(
                name: "status",
                table: "reconciliation_runs",
                type: "character varying(9)",
                maxLength: 9,
                nullable: false,
                defaultValue: "SUCCEEDED");

            migrationBuilder.AddColumn<int>(
                name: "total",
                table: "reconciliation_runs",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "ix_reconciliation_runs_status",
                table: "reconciliation_runs",
                column: "status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_reconciliation_runs_status",
                table: "reconciliation_runs");

            migrationBuilder.DropColumn(
                name: "done",
                table: "reconciliation_runs");

            migrationBuilder.DropColumn(
                name: "error",
                table: "reconciliation_runs");

            migrationBuilder.DropColumn(
                name: "phase",
                table: "reconciliation_runs");

            migrationBuilder.DropColumn(
                name: "status",
                table: "reconciliation_runs");

            migrationBuilder.DropColumn(
                name: "total",
                table: "reconciliation_runs");
        }
    }
}
