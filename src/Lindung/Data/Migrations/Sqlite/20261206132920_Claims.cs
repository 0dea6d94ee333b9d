using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lindung.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Claims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "claims",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    worker_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    death = table.Column<bool>(type: "INTEGER", nullable: false),
                    event_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    claim_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    documents_complete_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    paid_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    paid_amount = table.Column<long>(type: "INTEGER", nullable: true),
                    covered_on_event = table.Column<bool>(type: "INTEGER", nullable: false),
                    monthly_wage = table.Column<long>(type: "INTEGER", nullable: true),
                    liability = table.Column<long>(type: "INTEGER", nullable: true),
                    agency_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_claims", x => x.id);
                    table.CheckConstraint("ck_claims_amounts", "(paid_amount IS NULL OR paid_amount >= 0) AND (liability IS NULL OR liability >= 0)");
                    table.CheckConstraint("ck_claims_paid", "(status = 'PAID') = (paid_on IS NOT NULL)");
                    table.CheckConstraint("ck_claims_region_code", "region_code LIKE '__.__%'");
                    table.ForeignKey(
                        name: "fk_claims_workers_worker_id",
                        column: x => x.worker_id,
                        principalTable: "workers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_claims_agency_id",
                table: "claims",
                column: "agency_id");

            migrationBuilder.CreateIndex(
                name: "ix_claims_region_code_status",
                table: "claims",
                columns: new[] { "region_code", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_claims_worker_id",
                table: "claims",
                column: "worker_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "claims");
        }
    }
}
