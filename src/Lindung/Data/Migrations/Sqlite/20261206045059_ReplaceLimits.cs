using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lindung.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReplaceLimits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "replace_limit_settings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    end_limit_percent = table.Column<int>(type: "INTEGER", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_replace_limit_settings", x => x.id);
                    table.CheckConstraint("ck_replace_limit_settings_percent", "end_limit_percent >= 0 AND end_limit_percent <= 100");
                    table.CheckConstraint("ck_replace_limit_settings_region_code", "region_code LIKE '__.__%'");
                });

            migrationBuilder.CreateIndex(
                name: "ix_replace_limit_settings_region_code",
                table: "replace_limit_settings",
                column: "region_code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "replace_limit_settings");
        }
    }
}
