using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Lindung.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Enforcement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "days_off",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: false),
                    applies_to = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_days_off", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "enforcement_cases",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    employer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    npp = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    violations = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    evidence = table.Column<string>(type: "text", nullable: false),
                    stage = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    stage_on = table.Column<DateOnly>(type: "date", nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: true),
                    outcome = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    closed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    contributions_due = table.Column<long>(type: "bigint", nullable: true),
                    fine_amount = table.Column<long>(type: "bigint", nullable: true),
                    amount_recovered = table.Column<long>(type: "bigint", nullable: false),
                    prosecutor_region = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    skk_number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    skk_date = table.Column<DateOnly>(type: "date", nullable: true),
                    state_attorney = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    opened_on = table.Column<DateOnly>(type: "date", nullable: false),
                    opened_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    region_code = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_enforcement_cases", x => x.id);
                    table.CheckConstraint("ck_enforcement_cases_closed", "(outcome IS NULL) = (closed_on IS NULL)");
                    table.CheckConstraint("ck_enforcement_cases_recovered", "amount_recovered >= 0");
                    table.CheckConstraint("ck_enforcement_cases_region_code", "region_code LIKE '__.__%'");
                    table.ForeignKey(
                        name: "fk_enforcement_cases_employers_employer_id",
                        column: x => x.employer_id,
                        principalTable: "employers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "enforcement_stage_settings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    stage = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    working_days = table.Column<int>(type: "integer", nullable: true),
                    calendar_days = table.Column<int>(type: "integer", nullable: true),
                    fine_rate_per_month = table.Column<decimal>(type: "numeric(9,6)", precision: 9, scale: 6, nullable: true),
                    legal_basis = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    applies_to = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_enforcement_stage_settings", x => x.id);
                    table.CheckConstraint("ck_enforcement_stage_settings_days", "(working_days IS NULL OR working_days BETWEEN 0 AND 365) AND (calendar_days IS NULL OR calendar_days BETWEEN 0 AND 365)");
                    table.CheckConstraint("ck_enforcement_stage_settings_rate", "fine_rate_per_month IS NULL OR (fine_rate_per_month >= 0 AND fine_rate_per_month <= 1)");
                });

            migrationBuilder.CreateTable(
                name: "enforcement_letters",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    number = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    issued_on = table.Column<DateOnly>(type: "date", nullable: false),
                    issued_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    pdf = table.Column<byte[]>(type: "bytea", nullable: false),
                    region_code = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_enforcement_letters", x => x.id);
                    table.CheckConstraint("ck_enforcement_letters_region_code", "region_code LIKE '__.__%'");
                    table.ForeignKey(
                        name: "fk_enforcement_letters_enforcement_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "enforcement_cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "enforcement_steps",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(17)", maxLength: 17, nullable: false),
                    stage = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    outcome = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    on = table.Column<DateOnly>(type: "date", nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: true),
                    note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    amount = table.Column<long>(type: "bigint", nullable: true),
                    letter_id = table.Column<Guid>(type: "uuid", nullable: true),
                    region_code = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_enforcement_steps", x => x.id);
                    table.CheckConstraint("ck_enforcement_steps_amount", "amount IS NULL OR amount >= 0");
                    table.CheckConstraint("ck_enforcement_steps_region_code", "region_code LIKE '__.__%'");
                    table.ForeignKey(
                        name: "fk_enforcement_steps_enforcement_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "enforcement_cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "days_off",
                columns: new[] { "id", "applies_to", "date", "kind", "name" },
                values: new object[,]
                {
                    { new Guid("0000d0ff-0000-0000-0000-202601010000"), "", new DateOnly(2026, 1, 1), "HOLIDAY", "Tahun Baru 2026 Masehi" },
                    { new Guid("0000d0ff-0000-0000-0000-202601160000"), "", new DateOnly(2026, 1, 16), "HOLIDAY", "Isra Mikraj Nabi Muhammad SAW" },
                    { new Guid("0000d0ff-0000-0000-0000-202602160000"), "", new DateOnly(2026, 2, 16), "JOINT_LEAVE", "Cuti bersama Tahun Baru Imlek" },
                    { new Guid("0000d0ff-0000-0000-0000-202602170000"), "", new DateOnly(2026, 2, 17), "HOLIDAY", "Tahun Baru Imlek 2577 Kongzili" },
                    { new Guid("0000d0ff-0000-0000-0000-202603180000"), "", new DateOnly(2026, 3, 18), "JOINT_LEAVE", "Cuti bersama Hari Suci Nyepi" },
                    { new Guid("0000d0ff-0000-0000-0000-202603190000"), "", new DateOnly(2026, 3, 19), "HOLIDAY", "Hari Suci Nyepi (Tahun Baru Saka 1948)" },
                    { new Guid("0000d0ff-0000-0000-0000-202603200000"), "", new DateOnly(2026, 3, 20), "JOINT_LEAVE", "Cuti bersama Idulfitri 1447 H" },
                    { new Guid("0000d0ff-0000-0000-0000-202603210000"), "", new DateOnly(2026, 3, 21), "HOLIDAY", "Idulfitri 1447 H" },
                    { new Guid("0000d0ff-0000-0000-0000-202603220000"), "", new DateOnly(2026, 3, 22), "HOLIDAY", "Idulfitri 1447 H" },
                    { new Guid("0000d0ff-0000-0000-0000-202603230000"), "", new DateOnly(2026, 3, 23), "JOINT_LEAVE", "Cuti bersama Idulfitri 1447 H" },
                    { new Guid("0000d0ff-0000-0000-0000-202603240000"), "", new DateOnly(2026, 3, 24), "JOINT_LEAVE", "Cuti bersama Idulfitri 1447 H" },
                    { new Guid("0000d0ff-0000-0000-0000-202604030000"), "", new DateOnly(2026, 4, 3), "HOLIDAY", "Wafat Yesus Kristus" },
                    { new Guid("0000d0ff-0000-0000-0000-202604050000"), "", new DateOnly(2026, 4, 5), "HOLIDAY", "Kebangkitan Yesus Kristus (Paskah)" },
                    { new Guid("0000d0ff-0000-0000-0000-202605010000"), "", new DateOnly(2026, 5, 1), "HOLIDAY", "Hari Buruh Internasional" },
                    { new Guid("0000d0ff-0000-0000-0000-202605140000"), "", new DateOnly(2026, 5, 14), "HOLIDAY", "Kenaikan Yesus Kristus" },
                    { new Guid("0000d0ff-0000-0000-0000-202605150000"), "", new DateOnly(2026, 5, 15), "JOINT_LEAVE", "Cuti bersama Kenaikan Yesus Kristus" },
                    { new Guid("0000d0ff-0000-0000-0000-202605270000"), "", new DateOnly(2026, 5, 27), "HOLIDAY", "Iduladha 1447 H" },
                    { new Guid("0000d0ff-0000-0000-0000-202605280000"), "", new DateOnly(2026, 5, 28), "JOINT_LEAVE", "Cuti bersama Iduladha 1447 H" },
                    { new Guid("0000d0ff-0000-0000-0000-202605310000"), "", new DateOnly(2026, 5, 31), "HOLIDAY", "Hari Raya Waisak 2570 BE" },
                    { new Guid("0000d0ff-0000-0000-0000-202606010000"), "", new DateOnly(2026, 6, 1), "HOLIDAY", "Hari Lahir Pancasila" },
                    { new Guid("0000d0ff-0000-0000-0000-202606160000"), "", new DateOnly(2026, 6, 16), "HOLIDAY", "Tahun Baru Islam 1448 H" },
                    { new Guid("0000d0ff-0000-0000-0000-202608170000"), "", new DateOnly(2026, 8, 17), "HOLIDAY", "Hari Kemerdekaan Republik Indonesia" },
                    { new Guid("0000d0ff-0000-0000-0000-202608250000"), "", new DateOnly(2026, 8, 25), "HOLIDAY", "Maulid Nabi Muhammad SAW" },
                    { new Guid("0000d0ff-0000-0000-0000-202612240000"), "", new DateOnly(2026, 12, 24), "JOINT_LEAVE", "Cuti bersama Hari Raya Natal" },
                    { new Guid("0000d0ff-0000-0000-0000-202612250000"), "", new DateOnly(2026, 12, 25), "HOLIDAY", "Hari Raya Natal" },
                    { new Guid("0000d0ff-0000-0000-0000-202701010000"), "", new DateOnly(2027, 1, 1), "HOLIDAY", "Tahun Baru 2027 Masehi" },
                    { new Guid("0000d0ff-0000-0000-0000-202703260000"), "", new DateOnly(2027, 3, 26), "HOLIDAY", "Wafat Yesus Kristus" },
                    { new Guid("0000d0ff-0000-0000-0000-202703280000"), "", new DateOnly(2027, 3, 28), "HOLIDAY", "Kebangkitan Yesus Kristus (Paskah)" },
                    { new Guid("0000d0ff-0000-0000-0000-202705010000"), "", new DateOnly(2027, 5, 1), "HOLIDAY", "Hari Buruh Internasional" },
                    { new Guid("0000d0ff-0000-0000-0000-202705060000"), "", new DateOnly(2027, 5, 6), "HOLIDAY", "Kenaikan Yesus Kristus" },
                    { new Guid("0000d0ff-0000-0000-0000-202706010000"), "", new DateOnly(2027, 6, 1), "HOLIDAY", "Hari Lahir Pancasila" },
                    { new Guid("0000d0ff-0000-0000-0000-202708170000"), "", new DateOnly(2027, 8, 17), "HOLIDAY", "Hari Kemerdekaan Republik Indonesia" },
                    { new Guid("0000d0ff-0000-0000-0000-202712250000"), "", new DateOnly(2027, 12, 25), "HOLIDAY", "Hari Raya Natal" }
                });

            migrationBuilder.InsertData(
                table: "roles",
                columns: new[] { "id", "concurrency_stamp", "name", "normalized_name" },
                values: new object[] { "prosecutor", "prosecutor", "Prosecutor", "PROSECUTOR" });

            migrationBuilder.CreateIndex(
                name: "ix_days_off_applies_to_date",
                table: "days_off",
                columns: new[] { "applies_to", "date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_days_off_date",
                table: "days_off",
                column: "date");

            migrationBuilder.CreateIndex(
                name: "ix_enforcement_cases_number",
                table: "enforcement_cases",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_enforcement_cases_prosecutor_region",
                table: "enforcement_cases",
                column: "prosecutor_region");

            migrationBuilder.CreateIndex(
                name: "ix_enforcement_cases_region_code_stage",
                table: "enforcement_cases",
                columns: new[] { "region_code", "stage" });

            migrationBuilder.CreateIndex(
                name: "ux_enforcement_cases_employer_open",
                table: "enforcement_cases",
                column: "employer_id",
                unique: true,
                filter: "outcome IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_enforcement_letters_case_id",
                table: "enforcement_letters",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_enforcement_letters_region_code_kind_year_sequence",
                table: "enforcement_letters",
                columns: new[] { "region_code", "kind", "year", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_enforcement_stage_settings_applies_to_stage",
                table: "enforcement_stage_settings",
                columns: new[] { "applies_to", "stage" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_enforcement_steps_case_id_at",
                table: "enforcement_steps",
                columns: new[] { "case_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_enforcement_steps_region_code_on",
                table: "enforcement_steps",
                columns: new[] { "region_code", "on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "days_off");

            migrationBuilder.DropTable(
                name: "enforcement_letters");

            migrationBuilder.DropTable(
                name: "enforcement_stage_settings");

            migrationBuilder.DropTable(
                name: "enforcement_steps");

            migrationBuilder.DropTable(
                name: "enforcement_cases");

            migrationBuilder.DeleteData(
                table: "roles",
                keyColumn: "id",
                keyValue: "prosecutor");
        }
    }
}
