using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lindung.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FieldLeads : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "field_leads",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    nik = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    occupation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    monthly_income = table.Column<long>(type: "INTEGER", nullable: true),
                    phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    says_member = table.Column<bool>(type: "INTEGER", nullable: false),
                    consent_to_contact = table.Column<bool>(type: "INTEGER", nullable: false),
                    worker_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    stage = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    captured_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    captured_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    capture_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_field_leads", x => x.id);
                    table.CheckConstraint("ck_field_leads_region_code", "region_code LIKE '__.__%'");
                    table.CheckConstraint("ck_field_leads_village", "LENGTH(region_code) = 13");
                    table.ForeignKey(
                        name: "fk_field_leads_workers_worker_id",
                        column: x => x.worker_id,
                        principalTable: "workers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "roles",
                columns: new[] { "id", "concurrency_stamp", "name", "normalized_name" },
                values: new object[] { "field_officer", "field_officer", "FieldOfficer", "FIELDOFFICER" });

            migrationBuilder.CreateIndex(
                name: "ix_field_leads_capture_id",
                table: "field_leads",
                column: "capture_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_field_leads_nik",
                table: "field_leads",
                column: "nik",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_field_leads_region_code_stage",
                table: "field_leads",
                columns: new[] { "region_code", "stage" });

            migrationBuilder.CreateIndex(
                name: "ix_field_leads_worker_id",
                table: "field_leads",
                column: "worker_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "field_leads");

            migrationBuilder.DeleteData(
                table: "roles",
                keyColumn: "id",
                keyValue: "field_officer");
        }
    }
}
