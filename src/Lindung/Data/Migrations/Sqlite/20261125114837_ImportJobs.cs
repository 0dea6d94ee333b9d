using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lindung.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ImportJobs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "import_jobs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    agency_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    original_file_name = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    stored_path = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    mode = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    sheet = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    column_overrides = table.Column<string>(type: "TEXT", nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    phase = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    rows_read = table.Column<long>(type: "INTEGER", nullable: false),
                    bytes_read = table.Column<long>(type: "INTEGER", nullable: false),
                    total_bytes = table.Column<long>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    started_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    finished_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    batch_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    committed = table.Column<bool>(type: "INTEGER", nullable: false),
                    rows_valid = table.Column<int>(type: "INTEGER", nullable: false),
                    rows_invalid = table.Column<int>(type: "INTEGER", nullable: false),
                    inserted = table.Column<int>(type: "INTEGER", nullable: false),
                    updated = table.Column<int>(type: "INTEGER", nullable: false),
                    unchanged = table.Column<int>(type: "INTEGER", nullable: false),
                    ended = table.Column<int>(type: "INTEGER", nullable: false),
                    first_issues = table.Column<string>(type: "TEXT", nullable: true),
                    report_csv_path = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    report_xlsx_path = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    error = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_import_jobs", x => x.id);
                    table.CheckConstraint("ck_import_jobs_region_code", "region_code LIKE '__.__%'");
                    table.ForeignKey(
                        name: "fk_import_jobs_agencies_agency_id",
                        column: x => x.agency_id,
                        principalTable: "agencies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_import_jobs_agency_id_created_at",
                table: "import_jobs",
                columns: new[] { "agency_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_import_jobs_region_code",
                table: "import_jobs",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_import_jobs_status",
                table: "import_jobs",
                column: "status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "import_jobs");
        }
    }
}
