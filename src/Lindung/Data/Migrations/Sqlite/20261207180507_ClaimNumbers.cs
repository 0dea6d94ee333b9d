using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lindung.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ClaimNumbers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "claim_number",
                table: "claims",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ux_claims_region_claim_number",
                table: "claims",
                columns: new[] { "region_code", "claim_number" },
                unique: true,
                filter: "claim_number IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ux_claims_region_claim_number",
                table: "claims");

            migrationBuilder.DropColumn(
                name: "claim_number",
                table: "claims");
        }
    }
}
