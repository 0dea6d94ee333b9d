using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lindung.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AgencyRosterIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_coverage_snapshots_month_dimension",
                table: "coverage_snapshots");

            migrationBuilder.CreateIndex(
                name: "ix_employments_agency_roster",
                table: "employments",
                columns: new[] { "agency_id", "category", "valid_from", "valid_to", "region_code", "worker_id" });

            migrationBuilder.CreateIndex(
                name: "ix_coverage_snapshots_month_dimension_key",
                table: "coverage_snapshots",
                columns: new[] { "month", "dimension", "key" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_employments_agency_roster",
                table: "employments");

            migrationBuilder.DropIndex(
                name: "ix_coverage_snapshots_month_dimension_key",
                table: "coverage_snapshots");

            migrationBuilder.CreateIndex(
                name: "ix_coverage_snapshots_month_dimension",
                table: "coverage_snapshots",
                columns: new[] { "month", "dimension" });
        }
    }
}
