using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lindung.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Reconciliation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "match_decisions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    roster_nik = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    kpj = table.Column<string>(type: "TEXT", maxLength: 11, nullable: false),
                    accepted = table.Column<bool>(type: "INTEGER", nullable: false),
                    method = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    score = table.Column<double>(type: "REAL", nullable: false),
                    worker_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    agency_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    decided_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    decided_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_match_decisions", x => x.id);
                    table.CheckConstraint("ck_match_decisions_region_code", "region_code LIKE '__.__%'");
                });

            migrationBuilder.CreateTable(
                name: "reconciliation_runs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    agency_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    started_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    finished_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    started_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    as_of = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    roster_rows = table.Column<int>(type: "INTEGER", nullable: false),
                    covered_active = table.Column<int>(type: "INTEGER", nullable: false),
                    covered_inactive = table.Column<int>(type: "INTEGER", nullable: false),
                    not_registered = table.Column<int>(type: "INTEGER", nullable: false),
                    needs_review = table.Column<int>(type: "INTEGER", nullable: false),
                    invalid_row = table.Column<int>(type: "INTEGER", nullable: false),
                    wage_underreported = table.Column<int>(type: "INTEGER", nullable: false),
                    program_missing = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reconciliation_runs", x => x.id);
                    table.CheckConstraint("ck_reconciliation_runs_region_code", "region_code LIKE '__.__%'");
                    table.ForeignKey(
                        name: "fk_reconciliation_runs_agencies_agency_id",
                        column: x => x.agency_id,
                        principalTable: "agencies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "reconciliation_results",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    run_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    agency_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    worker_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    roster_wage = table.Column<long>(type: "INTEGER", nullable: false),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    method = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    score = table.Column<double>(type: "REAL", nullable: false),
                    kpj = table.Column<string>(type: "TEXT", maxLength: 11, nullable: true),
                    wage_underreported = table.Column<bool>(type: "INTEGER", nullable: false),
                    program_missing = table.Column<bool>(type: "INTEGER", nullable: false),
                    reported_wage = table.Column<long>(type: "INTEGER", nullable: true),
                    member_programs = table.Column<string>(type: "TEXT", maxLength: 19, nullable: false),
                    candidates = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reconciliation_results", x => x.id);
                    table.CheckConstraint("ck_reconciliation_results_region_code", "region_code LIKE '__.__%'");
                    table.ForeignKey(
                        name: "fk_reconciliation_results_reconciliation_runs_run_id",
                        column: x => x.run_id,
                        principalTable: "reconciliation_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_reconciliation_results_workers_worker_id",
                        column: x => x.worker_id,
                        principalTable: "workers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_match_decisions_region_code",
                table: "match_decisions",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_match_decisions_roster_nik_kpj",
                table: "match_decisions",
                columns: new[] { "roster_nik", "kpj" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_reconciliation_results_region_code",
                table: "reconciliation_results",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_reconciliation_results_run_id_agency_id_outcome",
                table: "reconciliation_results",
                columns: new[] { "run_id", "agency_id", "outcome" });

            migrationBuilder.CreateIndex(
                name: "ix_reconciliation_results_worker_id",
                table: "reconciliation_results",
                column: "worker_id");

            migrationBuilder.CreateIndex(
                name: "ix_reconciliation_runs_agency_id",
                table: "reconciliation_runs",
                column: "agency_id");

            migrationBuilder.CreateIndex(
                name: "ix_reconciliation_runs_region_code_started_at",
                table: "reconciliation_runs",
                columns: new[] { "region_code", "started_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "match_decisions");

            migrationBuilder.DropTable(
                name: "reconciliation_results");

            migrationBuilder.DropTable(
                name: "reconciliation_runs");
        }
    }
}
