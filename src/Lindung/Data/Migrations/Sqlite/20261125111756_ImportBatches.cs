using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lindung.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ImportBatches : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "import_batches",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    mode = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    sha256 = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    agency_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    effective_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    rows_read = table.Column<int>(type: "INTEGER", nullable: false),
                    rows_valid = table.Column<int>(type: "INTEGER", nullable: false),
                    rows_invalid = table.Column<int>(type: "INTEGER", nullable: false),
                    inserted = table.Column<int>(type: "INTEGER", nullable: false),
                    updated = table.Column<int>(type: "INTEGER", nullable: false),
                    unchanged = table.Column<int>(type: "INTEGER", nullable: false),
                    ended = table.Column<int>(type: "INTEGER", nullable: false),
                    imported_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    imported_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_import_batches", x => x.id);
                    table.CheckConstraint("ck_import_batches_region_code", "region_code LIKE '__.__%'");
                    table.ForeignKey(
                        name: "fk_import_batches_agencies_agency_id",
                        column: x => x.agency_id,
                        principalTable: "agencies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_import_batches_agency_id",
                table: "import_batches",
                column: "agency_id");

            migrationBuilder.CreateIndex(
                name: "ix_import_batches_imported_at",
                table: "import_batches",
                column: "imported_at");

            migrationBuilder.CreateIndex(
                name: "ix_import_batches_region_code",
                table: "import_batches",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_import_batches_sha256",
                table: "import_batches",
                column: "sha256");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "import_batches");
        }
    }
}
