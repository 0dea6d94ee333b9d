using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Lindung.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "agencies",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 11, nullable: false),
                    parent_agency_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_agencies", x => x.id);
                    table.CheckConstraint("ck_agencies_region_code", "region_code LIKE '__.__%'");
                    table.ForeignKey(
                        name: "fk_agencies_agencies_parent_agency_id",
                        column: x => x.parent_agency_id,
                        principalTable: "agencies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "audit_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    actor = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    action = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    entity_type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    entity_key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    before = table.Column<string>(type: "TEXT", nullable: true),
                    after = table.Column<string>(type: "TEXT", nullable: true),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_events", x => x.id);
                    table.CheckConstraint("ck_audit_events_region_code", "region_code LIKE '__.__%'");
                });

            migrationBuilder.CreateTable(
                name: "employers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    nib = table.Column<string>(type: "TEXT", maxLength: 13, nullable: true),
                    npwp = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    npp = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    business_size = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true),
                    jkk_risk_group = table.Column<int>(type: "INTEGER", nullable: true),
                    sector = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_employers", x => x.id);
                    table.CheckConstraint("ck_employers_jkk_risk_group", "jkk_risk_group BETWEEN 1 AND 5");
                    table.CheckConstraint("ck_employers_region_code", "region_code LIKE '__.__%'");
                });

            migrationBuilder.CreateTable(
                name: "membership_extracts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    sha256 = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    loaded_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    loaded_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    row_count = table.Column<int>(type: "INTEGER", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_membership_extracts", x => x.id);
                    table.CheckConstraint("ck_membership_extracts_region_code", "region_code LIKE '__.__%'");
                });

            migrationBuilder.CreateTable(
                name: "roles",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    normalized_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    concurrency_stamp = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_roles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "workers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    nik = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    birth_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    sex = table.Column<string>(type: "TEXT", maxLength: 1, nullable: true),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    scheme = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_workers", x => x.id);
                    table.CheckConstraint("ck_workers_region_code", "region_code LIKE '__.__%'");
                });

            migrationBuilder.CreateTable(
                name: "coverage_targets",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    agency_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    target_basis_points = table.Column<int>(type: "INTEGER", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_coverage_targets", x => x.id);
                    table.CheckConstraint("ck_coverage_targets_basis_points", "target_basis_points BETWEEN 0 AND 10000");
                    table.CheckConstraint("ck_coverage_targets_region_code", "region_code LIKE '__.__%'");
                    table.ForeignKey(
                        name: "fk_coverage_targets_agencies_agency_id",
                        column: x => x.agency_id,
                        principalTable: "agencies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "users",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    display_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    agency_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    region_codes = table.Column<string>(type: "TEXT", nullable: false),
                    preferred_language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    user_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    normalized_user_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    normalized_email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    email_confirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    password_hash = table.Column<string>(type: "TEXT", nullable: true),
                    security_stamp = table.Column<string>(type: "TEXT", nullable: true),
                    concurrency_stamp = table.Column<string>(type: "TEXT", nullable: true),
                    phone_number = table.Column<string>(type: "TEXT", nullable: true),
                    phone_number_confirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    two_factor_enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    lockout_end = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    lockout_enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    access_failed_count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_users", x => x.id);
                    table.ForeignKey(
                        name: "fk_users_agencies_agency_id",
                        column: x => x.agency_id,
                        principalTable: "agencies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "role_claims",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    role_id = table.Column<string>(type: "TEXT", nullable: false),
                    claim_type = table.Column<string>(type: "TEXT", nullable: true),
                    claim_value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_role_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_role_claims_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "employments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    worker_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    agency_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    employer_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    category = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    position = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    monthly_wage = table.Column<long>(type: "INTEGER", nullable: false),
                    funding_source = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    valid_from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_employments", x => x.id);
                    table.CheckConstraint("ck_employments_agency_xor_employer", "(agency_id IS NULL) <> (employer_id IS NULL)");
                    table.CheckConstraint("ck_employments_monthly_wage", "monthly_wage >= 0");
                    table.CheckConstraint("ck_employments_region_code", "region_code LIKE '__.__%'");
                    table.ForeignKey(
                        name: "fk_employments_agencies_agency_id",
                        column: x => x.agency_id,
                        principalTable: "agencies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_employments_employers_employer_id",
                        column: x => x.employer_id,
                        principalTable: "employers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_employments_workers_worker_id",
                        column: x => x.worker_id,
                        principalTable: "workers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "memberships",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kpj = table.Column<string>(type: "TEXT", maxLength: 11, nullable: false),
                    worker_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    segment = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    programs = table.Column<string>(type: "TEXT", maxLength: 19, nullable: false),
                    employer_npp = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    reported_wage = table.Column<long>(type: "INTEGER", nullable: false),
                    last_paid_month = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    source_extract_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    valid_from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_memberships", x => x.id);
                    table.CheckConstraint("ck_memberships_region_code", "region_code LIKE '__.__%'");
                    table.CheckConstraint("ck_memberships_reported_wage", "reported_wage >= 0");
                    table.ForeignKey(
                        name: "fk_memberships_membership_extracts_source_extract_id",
                        column: x => x.source_extract_id,
                        principalTable: "membership_extracts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_memberships_workers_worker_id",
                        column: x => x.worker_id,
                        principalTable: "workers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "user_claims",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    user_id = table.Column<string>(type: "TEXT", nullable: false),
                    claim_type = table.Column<string>(type: "TEXT", nullable: true),
                    claim_value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_user_claims_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_logins",
                columns: table => new
                {
                    login_provider = table.Column<string>(type: "TEXT", nullable: false),
                    provider_key = table.Column<string>(type: "TEXT", nullable: false),
                    provider_display_name = table.Column<string>(type: "TEXT", nullable: true),
                    user_id = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_logins", x => new { x.login_provider, x.provider_key });
                    table.ForeignKey(
                        name: "fk_user_logins_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_roles",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "TEXT", nullable: false),
                    role_id = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_roles", x => new { x.user_id, x.role_id });
                    table.ForeignKey(
                        name: "fk_user_roles_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_user_roles_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_tokens",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "TEXT", nullable: false),
                    login_provider = table.Column<string>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", nullable: false),
                    value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_tokens", x => new { x.user_id, x.login_provider, x.name });
                    table.ForeignKey(
                        name: "fk_user_tokens_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "roles",
                columns: new[] { "id", "concurrency_stamp", "name", "normalized_name" },
                values: new object[,]
                {
                    { "agency_operator", "agency_operator", "AgencyOperator", "AGENCYOPERATOR" },
                    { "auditor", "auditor", "Auditor", "AUDITOR" },
                    { "branch_officer", "branch_officer", "BranchOfficer", "BRANCHOFFICER" },
                    { "leader", "leader", "Leader", "LEADER" },
                    { "licensing_officer", "licensing_officer", "LicensingOfficer", "LICENSINGOFFICER" },
                    { "regional_admin", "regional_admin", "RegionalAdmin", "REGIONALADMIN" },
                    { "sponsor", "sponsor", "Sponsor", "SPONSOR" }
                });

            migrationBuilder.CreateIndex(
                name: "ix_agencies_parent_agency_id",
                table: "agencies",
                column: "parent_agency_id");

            migrationBuilder.CreateIndex(
                name: "ix_agencies_region_code_code",
                table: "agencies",
                columns: new[] { "region_code", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_audit_events_at",
                table: "audit_events",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_audit_events_entity_type_entity_key",
                table: "audit_events",
                columns: new[] { "entity_type", "entity_key" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_events_region_code",
                table: "audit_events",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_coverage_targets_agency_id",
                table: "coverage_targets",
                column: "agency_id");

            migrationBuilder.CreateIndex(
                name: "ix_coverage_targets_region_code_year_agency_id",
                table: "coverage_targets",
                columns: new[] { "region_code", "year", "agency_id" });

            migrationBuilder.CreateIndex(
                name: "ix_employers_nib",
                table: "employers",
                column: "nib");

            migrationBuilder.CreateIndex(
                name: "ix_employers_npp",
                table: "employers",
                column: "npp",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_employers_region_code",
                table: "employers",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_employments_agency_id",
                table: "employments",
                column: "agency_id");

            migrationBuilder.CreateIndex(
                name: "ix_employments_employer_id",
                table: "employments",
                column: "employer_id");

            migrationBuilder.CreateIndex(
                name: "ix_employments_region_code",
                table: "employments",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_employments_worker_id",
                table: "employments",
                column: "worker_id");

            migrationBuilder.CreateIndex(
                name: "ix_membership_extracts_region_code",
                table: "membership_extracts",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_membership_extracts_sha256",
                table: "membership_extracts",
                column: "sha256");

            migrationBuilder.CreateIndex(
                name: "ix_memberships_employer_npp",
                table: "memberships",
                column: "employer_npp");

            migrationBuilder.CreateIndex(
                name: "ix_memberships_region_code",
                table: "memberships",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_memberships_source_extract_id",
                table: "memberships",
                column: "source_extract_id");

            migrationBuilder.CreateIndex(
                name: "ix_memberships_worker_id",
                table: "memberships",
                column: "worker_id");

            migrationBuilder.CreateIndex(
                name: "ux_memberships_kpj_open",
                table: "memberships",
                column: "kpj",
                unique: true,
                filter: "valid_to IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_role_claims_role_id",
                table: "role_claims",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "rolenameindex",
                table: "roles",
                column: "normalized_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_user_claims_user_id",
                table: "user_claims",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_user_logins_user_id",
                table: "user_logins",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_user_roles_role_id",
                table: "user_roles",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "emailindex",
                table: "users",
                column: "normalized_email");

            migrationBuilder.CreateIndex(
                name: "ix_users_agency_id",
                table: "users",
                column: "agency_id");

            migrationBuilder.CreateIndex(
                name: "usernameindex",
                table: "users",
                column: "normalized_user_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_workers_nik",
                table: "workers",
                column: "nik",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_workers_region_code",
                table: "workers",
                column: "region_code");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_events");

            migrationBuilder.DropTable(
                name: "coverage_targets");

            migrationBuilder.DropTable(
                name: "employments");

            migrationBuilder.DropTable(
                name: "memberships");

            migrationBuilder.DropTable(
                name: "role_claims");

            migrationBuilder.DropTable(
                name: "user_claims");

            migrationBuilder.DropTable(
                name: "user_logins");

            migrationBuilder.DropTable(
                name: "user_roles");

            migrationBuilder.DropTable(
                name: "user_tokens");

            migrationBuilder.DropTable(
                name: "employers");

            migrationBuilder.DropTable(
                name: "membership_extracts");

            migrationBuilder.DropTable(
                name: "workers");

            migrationBuilder.DropTable(
                name: "roles");

            migrationBuilder.DropTable(
                name: "users");

            migrationBuilder.DropTable(
                name: "agencies");
        }
    }
}
