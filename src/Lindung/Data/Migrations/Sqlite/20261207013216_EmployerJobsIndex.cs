using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lindung.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EmployerJobsIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_employments_employer_id",
                table: "employments");

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
                name: "ix_employments_employer_id",
                table: "employments");

            migrationBuilder.CreateIndex(
                name: "ix_employments_employer_id",
                table: "employments",
                column: "employer_id");
        }
    }
}
