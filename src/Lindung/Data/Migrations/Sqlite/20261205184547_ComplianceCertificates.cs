using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lindung.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ComplianceCertificates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "compliance_certificates",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    employer_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    employer_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    npp = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    nib = table.Column<string>(type: "TEXT", maxLength: 13, nullable: true),
                    npwp = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    issued_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    issued_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    valid_until = table.Column<DateTime>(type: "TEXT", nullable: false),
                    key_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    token = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    revoked_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    revoked_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    revoked_reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_compliance_certificates", x => x.id);
                    table.CheckConstraint("ck_compliance_certificates_region_code", "region_code LIKE '__.__%'");
                    table.ForeignKey(
                        name: "fk_compliance_certificates_employers_employer_id",
                        column: x => x.employer_id,
                        principalTable: "employers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_compliance_certificates_employer_id",
                table: "compliance_certificates",
                column: "employer_id");

            migrationBuilder.CreateIndex(
                name: "ix_compliance_certificates_region_code_issued_at",
                table: "compliance_certificates",
                columns: new[] { "region_code", "issued_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "compliance_certificates");
        }
    }
}
