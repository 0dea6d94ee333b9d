using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lindung.Data.Migrations.Postgres
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
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    nik = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    occupation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    monthly_income = table.Column<long>(type: "bigint", nullable: true),
                    phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    says_member = table.Column<bool>(type: "boolean", nullable: false),
                    consent_to_contact = table.Column<bool>(type: "boolean", nullable: false),
                    worker_id = table.Column<Guid>(type: "uuid", nullable: false),
                    stage = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    captured_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    captured_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    capture_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false)
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
