using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lindung.Data.Migrations.Postgres
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
                type: "uuid",
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "status",
                table: "import_jobs",
                type: "character varying(21)",
                maxLength: 21,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(16)",
                oldMaxLength: 16);

            migrationBuilder.AddColumn<string>(
                name: "confirmed_plan",
                table: "import_jobs",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "force",
                table: "import_jobs",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "plan",
                table: "import_jobs",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "roster_mode",
                table: "import_jobs",
                type: "character varying(7)",
                maxLength: 7,
                nullable: false,
                defaultValue: "UPDATE");

            migrationBuilder.AddColumn<string>(
                name: "roster_mode",
                table: "import_batches",
                type: "character varying(7)",
                maxLength: 7,
                nullable: false,
                defaultValue: "REPLACE");

            migrationBuilder.AddColumn<DateTime>(
                name: "undone_at",
                table: "import_batches",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "undone_by",
                table: "import_batches",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "import_batch_id",
                table: "employments",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "import_undo_employments",
                columns: table => new
                {
                    batch_id = table.Column<Guid>(type: "uuid", nullable: false),
                    employment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    category = table.Column<string>(type: "text", nullable: false),
                    position = table.Column<string>(type: "text", nullable: true),
                    monthly_wage = table.Column<long>(type: "bigint", nullable: false),
                    funding_source = table.Column<string>(type: "text", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "date", nullable: true),
                    ended = table.Column<bool>(type: "boolean", nullable: false),
                    region_code = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false)
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
                    batch_id = table.Column<Guid>(type: "uuid", nullable: false),
                    membership_id = table.Column<Guid>(type: "uuid", nullable: false),
                    worker_id = table.Column<Guid>(type: "uuid", nullable: false),
                    segment = table.Column<string>(type: "text", nullable: false),
                    programs = table.Column<string>(type: "text", nullable: false),
                    employer_npp = table.Column<string>(type: "text", nullable: true),
                    status = table.Column<string>(type: "text", nullable: false),
                    reported_wage = table.Column<long>(type: "bigint", nullable: false),
                    last_paid_month = table.Column<DateOnly>(type: "date", nullable: true),
                    source_extract_id = table.Column<Guid>(type: "uuid", nullable: true),
                    region_code = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    valid_to = table.Column<DateOnly>(type: "date", nullable: true)
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
                    batch_id = table.Column<Guid>(type: "uuid", nullable: false),
                    worker_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    birth_date = table.Column<DateOnly>(type: "date", nullable: true),
                    sex = table.Column<string>(type: "text", nullable: true),
                    region_code = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    phone = table.Column<string>(type: "text", nullable: true)
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

            migrationBuilder.AlterColumn<string>(
                name: "status",
                table: "import_jobs",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(21)",
                oldMaxLength: 21);
        }
    }
}
