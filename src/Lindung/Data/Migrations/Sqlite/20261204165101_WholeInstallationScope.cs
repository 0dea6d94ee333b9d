using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lindung.Data.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            // Data step (added by hand): users who read the whole installation before this change,
            // those of a region-wide role with no region and no agency, keep doing so explicitly.
            migrationBuilder.Sql(
                "UPDATE users SET whole_installation = 1 " +
                "WHERE agency_id IS NULL AND json_array_length(region_codes) = 0 AND id IN (" +
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
