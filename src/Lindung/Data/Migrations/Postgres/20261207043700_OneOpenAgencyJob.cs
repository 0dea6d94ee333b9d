using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lindung.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OneOpenAgencyJob : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ux_employments_open_agency_job",
                table: "employments",
                columns: new[] { "worker_id", "agency_id" },
                unique: true,
                filter: "valid_to IS NULL AND agency_id IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ux_employments_open_agency_job",
                table: "employments");
        }
    }
}
