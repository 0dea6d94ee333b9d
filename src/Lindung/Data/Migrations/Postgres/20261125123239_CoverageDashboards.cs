using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lindung.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CoverageDashboards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "coverage_snapshots",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    as_of = table.Column<DateOnly>(type: "date", nullable: false),
                    dimension = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    key = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    category = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    eligible = table.Column<int>(type: "integer", nullable: false),
                    covered = table.Column<int>(type: "integer", nullable: false),
                    active = table.Column<int>(type: "integer", nullable: false),
                    taken_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    region_code = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_coverage_snapshots", x => x.id);
                    table.CheckConstraint("ck_coverage_snapshots_region_code", "region_code LIKE '__.__%'");
                });

            migrationBuilder.CreateTable(
                name: "coverage_thresholds",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    green_basis_points_of_target = table.Column<int>(type: "integer", nullable: false),
                    yellow_basis_points_of_target = table.Column<int>(type: "integer", nullable: false),
                    region_code = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_coverage_thresholds", x => x.id);
                    table.CheckConstraint("ck_coverage_thresholds_order", "yellow_basis_points_of_target > 0 AND green_basis_points_of_target >= yellow_basis_points_of_target");
                    table.CheckConstraint("ck_coverage_thresholds_region_code", "region_code LIKE '__.__%'");
                });

            migrationBuilder.CreateTable(
                name: "working_populations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    population = table.Column<long>(type: "bigint", nullable: false),
                    source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    region_code = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_working_populations", x => x.id);
                    table.CheckConstraint("ck_working_populations_population", "population >= 0");
                    table.CheckConstraint("ck_working_populations_region_code", "region_code LIKE '__.__%'");
                });

            migrationBuilder.CreateIndex(
                name: "ix_coverage_snapshots_month_dimension",
                table: "coverage_snapshots",
                columns: new[] { "month", "dimension" });

            migrationBuilder.CreateIndex(
                name: "ix_coverage_snapshots_region_code",
                table: "coverage_snapshots",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_coverage_thresholds_region_code",
                table: "coverage_thresholds",
                column: "region_code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_working_populations_region_code_year",
                table: "working_populations",
                columns: new[] { "region_code", "year" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "coverage_snapshots");

            migrationBuilder.DropTable(
                name: "coverage_thresholds");

            migrationBuilder.DropTable(
                name: "working_populations");
        }
    }
}
