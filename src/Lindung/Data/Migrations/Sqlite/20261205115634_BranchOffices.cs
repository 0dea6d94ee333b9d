using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lindung.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BranchOffices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "branch_offices",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_branch_offices", x => x.id);
                    table.CheckConstraint("ck_branch_offices_region_code", "region_code LIKE '__.__%'");
                });

            migrationBuilder.CreateTable(
                name: "branch_working_areas",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    branch_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    valid_from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_branch_working_areas", x => x.id);
                    table.CheckConstraint("ck_branch_working_areas_period", "valid_to IS NULL OR valid_to > valid_from");
                    table.CheckConstraint("ck_branch_working_areas_regency", "LENGTH(region_code) = 5");
                    table.CheckConstraint("ck_branch_working_areas_region_code", "region_code LIKE '__.__%'");
                    table.ForeignKey(
                        name: "fk_branch_working_areas_branch_offices_branch_id",
                        column: x => x.branch_id,
                        principalTable: "branch_offices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_branch_offices_code",
                table: "branch_offices",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_branch_offices_region_code",
                table: "branch_offices",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_branch_working_areas_branch_id",
                table: "branch_working_areas",
                column: "branch_id");

            migrationBuilder.CreateIndex(
                name: "ix_branch_working_areas_region_code_valid_from",
                table: "branch_working_areas",
                columns: new[] { "region_code", "valid_from" });

            migrationBuilder.CreateIndex(
                name: "ux_branch_working_areas_region_open",
                table: "branch_working_areas",
                column: "region_code",
                unique: true,
                filter: "valid_to IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "branch_working_areas");

            migrationBuilder.DropTable(
                name: "branch_offices");
        }
    }
}
