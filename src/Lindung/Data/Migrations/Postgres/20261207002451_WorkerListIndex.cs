using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lindung.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class WorkerListIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_workers_name_id",
                table: "workers");

            migrationBuilder.CreateIndex(
                name: "ix_workers_list",
                table: "workers",
                columns: new[] { "name", "id", "region_code", "nik", "scheme" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_workers_list",
                table: "workers");

            migrationBuilder.CreateIndex(
                name: "ix_workers_name_id",
                table: "workers",
                columns: new[] { "name", "id" });
        }
    }
}
