using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lindung.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EnforcementLetterTemplates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "enforcement_letter_templates",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    addressee = table.Column<string>(type: "TEXT", maxLength: 1206, nullable: false),
                    paragraphs = table.Column<string>(type: "TEXT", maxLength: 12008, nullable: false),
                    signatory = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    valid_from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_enforcement_letter_templates", x => x.id);
                    table.CheckConstraint("ck_enforcement_letter_templates_period", "valid_to IS NULL OR valid_to > valid_from");
                    table.CheckConstraint("ck_enforcement_letter_templates_regency", "LENGTH(region_code) = 5");
                    table.CheckConstraint("ck_enforcement_letter_templates_region_code", "region_code LIKE '__.__%'");
                });

            migrationBuilder.CreateIndex(
                name: "ix_enforcement_letter_templates_region_code_kind_valid_from",
                table: "enforcement_letter_templates",
                columns: new[] { "region_code", "kind", "valid_from" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_enforcement_letter_templates_open",
                table: "enforcement_letter_templates",
                columns: new[] { "region_code", "kind" },
                unique: true,
                filter: "valid_to IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "enforcement_letter_templates");
        }
    }
}
