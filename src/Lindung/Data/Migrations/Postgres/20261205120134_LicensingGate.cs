using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lindung.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LicensingGate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "licence_rules",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    licence_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    name_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    name_en = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    effective_from = table.Column<DateOnly>(type: "date", nullable: false),
                    requires_proof = table.Column<bool>(type: "boolean", nullable: false),
                    withheld_under_tmp2t = table.Column<bool>(type: "boolean", nullable: false),
                    exempt_micro = table.Column<bool>(type: "boolean", nullable: false),
                    accept_bpu_for_sole_trader = table.Column<bool>(type: "boolean", nullable: false),
                    outcomes = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    legal_basis = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    legal_basis_is_example = table.Column<bool>(type: "boolean", nullable: false),
                    source = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    region_code = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_licence_rules", x => x.id);
                    table.CheckConstraint("ck_licence_rules_region_code", "region_code LIKE '__.__%'");
                });

            migrationBuilder.CreateTable(
                name: "licence_checks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    application_number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    licence_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    rule_id = table.Column<Guid>(type: "uuid", nullable: false),
                    identifier = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    identifier_kind = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    nik_masked = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    employer_id = table.Column<Guid>(type: "uuid", nullable: true),
                    employer_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    compliance_status = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    outcome = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    reasons = table.Column<string>(type: "text", nullable: false),
                    asked_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    asked_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    region_code = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_licence_checks", x => x.id);
                    table.CheckConstraint("ck_licence_checks_region_code", "region_code LIKE '__.__%'");
                    table.ForeignKey(
                        name: "fk_licence_checks_licence_rules_rule_id",
                        column: x => x.rule_id,
                        principalTable: "licence_rules",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_licence_checks_region_code_application_number",
                table: "licence_checks",
                columns: new[] { "region_code", "application_number" });

            migrationBuilder.CreateIndex(
                name: "ix_licence_checks_region_code_asked_at",
                table: "licence_checks",
                columns: new[] { "region_code", "asked_at" });

            migrationBuilder.CreateIndex(
                name: "ix_licence_checks_rule_id",
                table: "licence_checks",
                column: "rule_id");

            migrationBuilder.CreateIndex(
                name: "ix_licence_rules_region_code_licence_type_effective_from",
                table: "licence_rules",
                columns: new[] { "region_code", "licence_type", "effective_from" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "licence_checks");

            migrationBuilder.DropTable(
                name: "licence_rules");
        }
    }
}
