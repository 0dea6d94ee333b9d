using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lindung.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class GapCaseIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_reconciliation_results_run_id_agency_id_outcome",
                table: "reconciliation_results");

            migrationBuilder.CreateIndex(
                name: "ix_reconciliation_results_run_agency_gap",
                table: "reconciliation_results",
                columns: new[] { "run_id", "agency_id", "outcome", "wage_underreported", "program_missing", "roster_wage", "reported_wage", "member_programs", "region_code" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_reconciliation_results_run_agency_gap",
                table: "reconciliation_results");

            migrationBuilder.CreateIndex(
                name: "ix_reconciliation_results_run_id_agency_id_outcome",
                table: "reconciliation_results",
                columns: new[] { "run_id", "agency_id", "outcome" });
        }
    }
}
