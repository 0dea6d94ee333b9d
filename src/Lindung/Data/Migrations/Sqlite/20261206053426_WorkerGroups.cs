using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Lindung.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WorkerGroups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "group_kinds",
                columns: table => new
                {
                    code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    name_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    name_en = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_group_kinds", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "worker_groups",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    kind_code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    agency_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    village_code = table.Column<string>(type: "TEXT", maxLength: 13, nullable: true),
                    payer = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_worker_groups", x => x.id);
                    table.CheckConstraint("ck_worker_groups_region_code", "region_code LIKE '__.__%'");
                    table.ForeignKey(
                        name: "fk_worker_groups_agencies_agency_id",
                        column: x => x.agency_id,
                        principalTable: "agencies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_worker_groups_group_kinds_kind_code",
                        column: x => x.kind_code,
                        principalTable: "group_kinds",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "group_members",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    group_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    worker_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    occupation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    monthly_income = table.Column<long>(type: "INTEGER", nullable: true),
                    transport = table.Column<bool>(type: "INTEGER", nullable: false),
                    joined_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_group_members", x => x.id);
                    table.CheckConstraint("ck_group_members_income", "monthly_income IS NULL OR monthly_income > 0");
                    table.CheckConstraint("ck_group_members_region_code", "region_code LIKE '__.__%'");
                    table.ForeignKey(
                        name: "fk_group_members_worker_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "worker_groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_group_members_workers_worker_id",
                        column: x => x.worker_id,
                        principalTable: "workers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "group_kinds",
                columns: new[] { "code", "name_en", "name_id" },
                values: new object[,]
                {
                    { "guru_ngaji", "Quran teachers", "Guru ngaji" },
                    { "kader_posyandu", "Community health volunteers", "Kader posyandu" },
                    { "kelompok_tani", "Farmers' group", "Kelompok tani" },
                    { "lainnya", "Other", "Lainnya" },
                    { "linmas", "Community protection (Linmas)", "Linmas" },
                    { "marbot", "Place-of-worship caretakers", "Marbot / penjaga rumah ibadah" },
                    { "nelayan", "Fishers' group", "Kelompok nelayan" },
                    { "ojek", "Ojek and drivers", "Ojek / pengemudi" },
                    { "pedagang_pasar", "Market traders", "Pedagang pasar" },
                    { "rt_rw", "Neighbourhood heads (RT/RW)", "Ketua RT/RW" },
                    { "tagana", "Tagana disaster volunteers", "Tagana (taruna siaga bencana)" },
                    { "tokoh_agama", "Religious leaders", "Tokoh agama" }
                });

            migrationBuilder.CreateIndex(
                name: "ix_group_members_group_id_worker_id",
                table: "group_members",
                columns: new[] { "group_id", "worker_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_group_members_region_code",
                table: "group_members",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_group_members_worker_id",
                table: "group_members",
                column: "worker_id");

            migrationBuilder.CreateIndex(
                name: "ix_worker_groups_agency_id_name",
                table: "worker_groups",
                columns: new[] { "agency_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_worker_groups_kind_code",
                table: "worker_groups",
                column: "kind_code");

            migrationBuilder.CreateIndex(
                name: "ix_worker_groups_region_code",
                table: "worker_groups",
                column: "region_code");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "group_members");

            migrationBuilder.DropTable(
                name: "worker_groups");

            migrationBuilder.DropTable(
                name: "group_kinds");
        }
    }
}
