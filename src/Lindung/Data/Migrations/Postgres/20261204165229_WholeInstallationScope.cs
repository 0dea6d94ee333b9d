using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lindung.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class WholeInstallationScope : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "whole_installation",
                table: "users",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // Data step (added by hand): users who read the whole installation before this change,
            // those of a region-wide role with no region and no agency, keep doing so explicitly.
            migrationBuilder.Sql(
                "UPDATE users SET whole_installation = TRUE " +
                "WHERE agency_id IS NULL AND cardinality(region_codes) = 0 AND id IN (" +
                "SELECT ur.user_id FROM user_roles ur JOIN roles r ON r.id = ur.role_id " +
                "WHERE r.name IN ('RegionalAdmin', 'Leader', 'LicensingOfficer'))");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "whole_installation",
                table: "users");
        }
    }
}
