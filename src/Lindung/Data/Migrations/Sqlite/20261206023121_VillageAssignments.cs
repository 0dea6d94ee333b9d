using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lindung.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class VillageAssignments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "village_assignments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    agency_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    village_code = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    valid_from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_village_assignments", x => x.id);
                    table.CheckConstraint("ck_village_assignments_period", "valid_to IS NULL OR valid_to > valid_from");
                    table.CheckConstraint("ck_village_assignments_regency", "LENGTH(region_code) = 5");
                    table.CheckConstraint("ck_village_assignments_region_code", "region_code LIKE '__.__%'");
                    table.CheckConstraint("ck_village_assignments_village", "LENGTH(village_code) = 13");
                    table.ForeignKey(
                        name: "fk_village_assignments_agencies_agency_id",
                        column: x => x.agency_id,
                        principalTable: "agencies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "village_profiles",
                columns: table => new
                {
                    village_code = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    working_age_population = table.Column<int>(type: "INTEGER", nullable: true),
                    population_as_of = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_village_profiles", x => x.village_code);
                    table.CheckConstraint("ck_village_profiles_population", "working_age_population IS NULL OR working_age_population >= 0");
                    table.CheckConstraint("ck_village_profiles_region_code", "region_code LIKE '__.__%'");
                });

            migrationBuilder.CreateIndex(
                name: "ix_village_assignments_region_code_valid_from",
                table: "village_assignments",
                columns: new[] { "region_code", "valid_from" });

            migrationBuilder.CreateIndex(
                name: "ix_village_assignments_village_code_valid_from",
                table: "village_assignments",
                columns: new[] { "village_code", "valid_from" });

            migrationBuilder.CreateIndex(
                name: "ux_village_assignments_open",
                table: "village_assignments",
                columns: new[] { "agency_id", "village_code" },
                unique: true,
                filter: "valid_to IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_village_profiles_region_code",
                table: "village_profiles",
                column: "region_code");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "village_assignments");

            migrationBuilder.DropTable(
                name: "village_profiles");
        }
    }
}
