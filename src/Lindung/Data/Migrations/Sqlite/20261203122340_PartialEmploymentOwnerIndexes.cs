using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lindung.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PartialEmploymentOwnerIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_employments_agency_id",
                table: "employments");

            migrationBuilder.DropIndex(
                name: "ix_employments_employer_id",
                table: "employments");

            migrationBuilder.CreateIndex(
                name: "ix_employments_agency_id",
                table: "employments",
                column: "agency_id",
                filter: "agency_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_employments_employer_id",
                table: "employments",
                column: "employer_id",
                filter: "employer_id IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_employments_agency_id",
                table: "employments");

            migrationBuilder.DropIndex(
                name: "ix_employments_employer_id",
                table: "employments");

            migrationBuilder.CreateIndex(
                name: "ix_employments_agency_id",
                table: "employments",
                column: "agency_id");

            migrationBuilder.CreateIndex(
                name: "ix_employments_employer_id",
                table: "employments",
                column: "employer_id");
        }
    }
}
