using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lindung.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Sponsors : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "sponsors",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    account_email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    village_codes = table.Column<List<string>>(type: "text[]", nullable: false),
                    region_code = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sponsors", x => x.id);
                    table.CheckConstraint("ck_sponsors_region_code", "region_code LIKE '__.__%'");
                });

            migrationBuilder.CreateTable(
                name: "sponsorships",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    sponsor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    worker_id = table.Column<Guid>(type: "uuid", nullable: false),
                    first_month = table.Column<DateOnly>(type: "date", nullable: false),
                    months = table.Column<int>(type: "integer", nullable: false),
                    monthly_income = table.Column<long>(type: "bigint", nullable: false),
                    programs = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    occupation = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    pledged_on = table.Column<DateOnly>(type: "date", nullable: false),
                    handover = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    handed_over_on = table.Column<DateOnly>(type: "date", nullable: true),
                    region_code = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sponsorships", x => x.id);
                    table.CheckConstraint("ck_sponsorships_income", "monthly_income > 0");
                    table.CheckConstraint("ck_sponsorships_months", "months > 0 AND months <= 120");
                    table.CheckConstraint("ck_sponsorships_region_code", "region_code LIKE '__.__%'");
                    table.ForeignKey(
                        name: "fk_sponsorships_sponsors_sponsor_id",
                        column: x => x.sponsor_id,
                        principalTable: "sponsors",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_sponsorships_workers_worker_id",
                        column: x => x.worker_id,
                        principalTable: "workers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "sponsored_months",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    sponsorship_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sponsor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    amount = table.Column<long>(type: "bigint", nullable: false),
                    invoiced_on = table.Column<DateOnly>(type: "date", nullable: true),
                    paid_on = table.Column<DateOnly>(type: "date", nullable: true),
                    region_code = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sponsored_months", x => x.id);
                    table.CheckConstraint("ck_sponsored_months_amount", "amount >= 0");
                    table.CheckConstraint("ck_sponsored_months_region_code", "region_code LIKE '__.__%'");
                    table.ForeignKey(
                        name: "fk_sponsored_months_sponsorships_sponsorship_id",
                        column: x => x.sponsorship_id,
                        principalTable: "sponsorships",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_sponsored_months_region_code",
                table: "sponsored_months",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_sponsored_months_sponsor_id_month",
                table: "sponsored_months",
                columns: new[] { "sponsor_id", "month" });

            migrationBuilder.CreateIndex(
                name: "ix_sponsored_months_sponsorship_id_month",
                table: "sponsored_months",
                columns: new[] { "sponsorship_id", "month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_sponsors_account_email",
                table: "sponsors",
                column: "account_email");

            migrationBuilder.CreateIndex(
                name: "ix_sponsors_region_code",
                table: "sponsors",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_sponsorships_region_code",
                table: "sponsorships",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_sponsorships_sponsor_id_first_month",
                table: "sponsorships",
                columns: new[] { "sponsor_id", "first_month" });

            migrationBuilder.CreateIndex(
                name: "ix_sponsorships_worker_id_first_month",
                table: "sponsorships",
                columns: new[] { "worker_id", "first_month" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sponsored_months");

            migrationBuilder.DropTable(
                name: "sponsorships");

            migrationBuilder.DropTable(
                name: "sponsors");
        }
    }
}
