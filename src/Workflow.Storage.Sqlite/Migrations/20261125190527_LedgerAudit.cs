using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflow.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class LedgerAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AfterState",
                table: "history",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BeforeState",
                table: "history",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Evidence",
                table: "history",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Organization",
                table: "history",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ledger_streams",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    HistoryCount = table.Column<long>(type: "INTEGER", nullable: false),
                    HistoryHead = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ledger_streams", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_history_Actor_At_Id",
                table: "history",
                columns: new[] { "Actor", "At", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_history_At_Id",
                table: "history",
                columns: new[] { "At", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_history_Kind_At_Id",
                table: "history",
                columns: new[] { "Kind", "At", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_history_Organization_At_Id",
                table: "history",
                columns: new[] { "Organization", "At", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_history_PhaseId_At_Id",
                table: "history",
                columns: new[] { "PhaseId", "At", "Id" });

            // The ledger is append-only in the database too: no UPDATE, no DELETE, whoever asks.
            migrationBuilder.Sql("CREATE TRIGGER history_no_update BEFORE UPDATE ON history BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER history_no_delete BEFORE DELETE ON history BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS history_no_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS history_no_delete;");

            migrationBuilder.DropTable(
                name: "ledger_streams");

            migrationBuilder.DropIndex(
                name: "IX_history_Actor_At_Id",
                table: "history");

            migrationBuilder.DropIndex(
                name: "IX_history_At_Id",
                table: "history");

            migrationBuilder.DropIndex(
                name: "IX_history_Kind_At_Id",
                table: "history");

            migrationBuilder.DropIndex(
                name: "IX_history_Organization_At_Id",
                table: "history");

            migrationBuilder.DropIndex(
                name: "IX_history_PhaseId_At_Id",
                table: "history");

            migrationBuilder.DropColumn(
                name: "AfterState",
                table: "history");

            migrationBuilder.DropColumn(
                name: "BeforeState",
                table: "history");

            migrationBuilder.DropColumn(
                name: "Evidence",
                table: "history");

            migrationBuilder.DropColumn(
                name: "Organization",
                table: "history");
        }
    }
}
