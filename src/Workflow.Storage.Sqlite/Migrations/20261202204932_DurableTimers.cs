using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflow.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DurableTimers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "EscalatedAt",
                table: "work_items",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EscalatedTo",
                table: "work_items",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "timers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PhaseId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    TaskId = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    DueAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: true),
                    Held = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_timers", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_work_items_EscalatedTo_Status_Id",
                table: "work_items",
                columns: new[] { "EscalatedTo", "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_timers_CampaignId_Kind_PhaseId_Round_TaskId",
                table: "timers",
                columns: new[] { "CampaignId", "Kind", "PhaseId", "Round", "TaskId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_timers_Held_DueAt_Id",
                table: "timers",
                columns: new[] { "Held", "DueAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "timers");

            migrationBuilder.DropIndex(
                name: "IX_work_items_EscalatedTo_Status_Id",
                table: "work_items");

            migrationBuilder.DropColumn(
                name: "EscalatedAt",
                table: "work_items");

            migrationBuilder.DropColumn(
                name: "EscalatedTo",
                table: "work_items");
        }
    }
}
