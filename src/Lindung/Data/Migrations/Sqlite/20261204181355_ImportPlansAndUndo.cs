using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lindung.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ImportPlansAndUndo : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Rosters imported before roster modes existed always ended the people missing from them: they were replacing.
            migrationBuilder.AddColumn<Guid>(
                name: "import_batch_id",
                table: "workers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "confirmed_plan",
                table: "import_jobs",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "force",
                table: "import_jobs",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "plan",
                table: "import_jobs",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "roster_mode",
                table: "import_jobs",
                type: "TEXT",
                maxLength: 7,
                nullable: false,
                defaultValue: "UPDATE");

            migrationBuilder.AddColumn<string>(
                name: "roster_mode",
                table: "import_batches",
                type: "TEXT",
                maxLength: 7,
                nullable: false,
                defaultValue: "REPLACE");

            migrationBuilder.AddColumn<DateTime>(
                name: "undone_at",
                table: "import_batches",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "undone_by",
                table: "import_batches",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "import_batch_id",
                table: "employments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "import_undo_employments",
                columns: table => new
                {
                    batch_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    employment_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    category = table.Column<string>(type: "TEXT", nullable: false),
                    position = table.Column<string>(type: "TEXT", nullable: true),
                    monthly_wage = table.Column<long>(type: "INTEGER", nullable: false),
                    funding_source = table.Column<string>(type: "TEXT", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ended = table.Column<bool>(type: "INTEGER", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_import_undo_employments", x => new { x.batch_id, x.employment_id });
                    table.CheckConstraint("ck_import_undo_employments_region_code", "region_code LIKE '__.__%'");
                });

            migrationBuilder.CreateTable(
                name: "import_undo_memberships",
                columns: table => new
                {
                    batch_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    membership_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    worker_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    segment = table.Column<string>(type: "TEXT", nullable: false),
                    programs = table.Column<string>(type: "TEXT", nullable: false),
                    employer_npp = table.Column<string>(type: "TEXT", nullable: true),
                    status = table.Column<string>(type: "TEXT", nullable: false),
                    reported_wage = table.Column<long>(type: "INTEGER", nullable: false),
                    last_paid_month = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    source_extract_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    valid_to = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_import_undo_memberships", x => new { x.batch_id, x.membership_id });
                    table.CheckConstraint("ck_import_undo_memberships_region_code", "region_code LIKE '__.__%'");
                });

            migrationBuilder.CreateTable(
                name: "import_undo_workers",
                columns: table => new
                {
                    batch_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    worker_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", nullable: false),
                    birth_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    sex = table.Column<string>(type: "TEXT", nullable: true),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    phone = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_import_undo_workers", x => new { x.batch_id, x.worker_id });
                    table.CheckConstraint("ck_import_undo_workers_region_code", "region_code LIKE '__.__%'");
                });

            migrationBuilder.CreateIndex(
                name: "ix_import_undo_employments_employment_id",
                table: "import_undo_employments",
                column: "employment_id");

            migrationBuilder.CreateIndex(
                name: "ix_import_undo_employments_region_code",
                table: "import_undo_employments",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_import_undo_memberships_membership_id",
                table: "import_undo_memberships",
                column: "membership_id");

            migrationBuilder.CreateIndex(
                name: "ix_import_undo_memberships_region_code",
                table: "import_undo_memberships",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_import_undo_workers_region_code",
                table: "import_undo_workers",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_import_undo_workers_worker_id",
                table: "import_undo_workers",
                column: "worker_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "import_undo_employments");

            migrationBuilder.DropTable(
                name: "import_undo_memberships");

            migrationBuilder.DropTable(
                name: "import_undo_workers");

            migrationBuilder.DropColumn(
                name: "import_batch_id",
                table: "workers");

            migrationBuilder.DropColumn(
                name: "confirmed_plan",
                table: "import_jobs");

            migrationBuilder.DropColumn(
                name: "force",
                table: "import_jobs");

            migrationBuilder.DropColumn(
                name: "plan",
                table: "import_jobs");

            migrationBuilder.DropColumn(
                name: "roster_mode",
                table: "import_jobs");

            migrationBuilder.DropColumn(
                name: "roster_mode",
                table: "import_batches");

            migrationBuilder.DropColumn(
                name: "undone_at",
                table: "import_batches");

            migrationBuilder.DropColumn(
                name: "undone_by",
                table: "import_batches");

            migrationBuilder.DropColumn(
                name: "import_batch_id",
                table: "employments");
        }
    }
}
