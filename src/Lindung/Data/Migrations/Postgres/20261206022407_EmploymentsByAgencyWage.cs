using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lindung.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EmploymentsByAgencyWage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_employments_agency_id",
                table: "employments");

            migrationBuilder.CreateIndex(
                name: "ix_employments_agency_wage",
                table: "employments",
                columns: new[] { "agency_id", "monthly_wage", "valid_from", "valid_to" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_employments_agency_wage",
                table: "employments");

            migrationBuilder.CreateIndex(
                name: "ix_employments_agency_id",
                table: "employments",
                column: "agency_id");
        }
    }
}
