using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflow.Storage.PostgreSql.Migrations
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
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BeforeState",
                table: "history",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Evidence",
                table: "history",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Organization",
                table: "history",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ledger_streams",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    HistoryCount = table.Column<long>(type: "bigint", nullable: false),
                    HistoryHead = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
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

            // The ledger is append-only in the database too: no UPDATE, DELETE or TRUNCATE, whoever asks.
            migrationBuilder.Sql("""
                CREATE FUNCTION history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'history is append-only';
                END
                $$;
                """);
            migrationBuilder.Sql("CREATE TRIGGER history_no_change BEFORE UPDATE OR DELETE ON history FOR EACH ROW EXECUTE FUNCTION history_append_only();");
            migrationBuilder.Sql("CREATE TRIGGER history_no_truncate BEFORE TRUNCATE ON history FOR EACH STATEMENT EXECUTE FUNCTION history_append_only();");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS history_no_truncate ON history;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS history_no_change ON history;");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS history_append_only();");

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
