using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lindung.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProcurementContracts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "contracts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    agency_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    commitment_officer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    contractor_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    value = table.Column<long>(type: "INTEGER", nullable: false),
                    start_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    end_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    location_code = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    jakon_registration_number = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    jakon_paid = table.Column<long>(type: "INTEGER", nullable: false),
                    jakon_paid_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contracts", x => x.id);
                    table.CheckConstraint("ck_contracts_period", "end_date >= start_date");
                    table.CheckConstraint("ck_contracts_region_code", "region_code LIKE '__.__%'");
                    table.CheckConstraint("ck_contracts_value", "value >= 0");
                    table.ForeignKey(
                        name: "fk_contracts_agencies_agency_id",
                        column: x => x.agency_id,
                        principalTable: "agencies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_contracts_employers_contractor_id",
                        column: x => x.contractor_id,
                        principalTable: "employers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "contract_stages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    contract_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<int>(type: "INTEGER", nullable: false),
                    share_basis_points = table.Column<int>(type: "INTEGER", nullable: true),
                    amount = table.Column<long>(type: "INTEGER", nullable: false),
                    planned_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contract_stages", x => x.id);
                    table.CheckConstraint("ck_contract_stages_region_code", "region_code LIKE '__.__%'");
                    table.ForeignKey(
                        name: "fk_contract_stages_contracts_contract_id",
                        column: x => x.contract_id,
                        principalTable: "contracts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "contract_workers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    contract_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    nik = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contract_workers", x => x.id);
                    table.CheckConstraint("ck_contract_workers_region_code", "region_code LIKE '__.__%'");
                    table.ForeignKey(
                        name: "fk_contract_workers_contracts_contract_id",
                        column: x => x.contract_id,
                        principalTable: "contracts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "payment_gate_checks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    contract_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    stage = table.Column<int>(type: "INTEGER", nullable: false),
                    payable = table.Column<bool>(type: "INTEGER", nullable: false),
                    reasons = table.Column<string>(type: "TEXT", nullable: false),
                    asked_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    asked_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payment_gate_checks", x => x.id);
                    table.CheckConstraint("ck_payment_gate_checks_region_code", "region_code LIKE '__.__%'");
                    table.ForeignKey(
                        name: "fk_payment_gate_checks_contracts_contract_id",
                        column: x => x.contract_id,
                        principalTable: "contracts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "roles",
                columns: new[] { "id", "concurrency_stamp", "name", "normalized_name" },
                values: new object[] { "procurement_officer", "procurement_officer", "ProcurementOfficer", "PROCUREMENTOFFICER" });

            migrationBuilder.CreateIndex(
                name: "ix_contract_stages_contract_id_number",
                table: "contract_stages",
                columns: new[] { "contract_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_contract_stages_region_code",
                table: "contract_stages",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_contract_workers_contract_id_nik",
                table: "contract_workers",
                columns: new[] { "contract_id", "nik" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_contract_workers_region_code",
                table: "contract_workers",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_contracts_agency_id_number",
                table: "contracts",
                columns: new[] { "agency_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_contracts_contractor_id",
                table: "contracts",
                column: "contractor_id");

            migrationBuilder.CreateIndex(
                name: "ix_contracts_region_code_start_date",
                table: "contracts",
                columns: new[] { "region_code", "start_date" });

            migrationBuilder.CreateIndex(
                name: "ix_payment_gate_checks_contract_id_asked_at",
                table: "payment_gate_checks",
                columns: new[] { "contract_id", "asked_at" });

            migrationBuilder.CreateIndex(
                name: "ix_payment_gate_checks_region_code_asked_at",
                table: "payment_gate_checks",
                columns: new[] { "region_code", "asked_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "contract_stages");

            migrationBuilder.DropTable(
                name: "contract_workers");

            migrationBuilder.DropTable(
                name: "payment_gate_checks");

            migrationBuilder.DropTable(
                name: "contracts");

            migrationBuilder.DeleteData(
                table: "roles",
                keyColumn: "id",
                keyValue: "procurement_officer");
        }
    }
}
