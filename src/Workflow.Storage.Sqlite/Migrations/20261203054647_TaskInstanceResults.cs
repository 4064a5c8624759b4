using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflow.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TaskInstanceResults : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Comment",
                table: "work_items",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CompletedBy",
                table: "work_items",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ItemJson",
                table: "work_items",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OnBehalfOf",
                table: "work_items",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Outcome",
                table: "work_items",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Reminders",
                table: "work_items",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ResultJson",
                table: "work_items",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_work_items_CampaignId_Id",
                table: "work_items",
                columns: new[] { "CampaignId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_work_items_CampaignId_Id",
                table: "work_items");

            migrationBuilder.DropColumn(
                name: "Comment",
                table: "work_items");

            migrationBuilder.DropColumn(
                name: "CompletedBy",
                table: "work_items");

            migrationBuilder.DropColumn(
                name: "ItemJson",
                table: "work_items");

            migrationBuilder.DropColumn(
                name: "OnBehalfOf",
                table: "work_items");

            migrationBuilder.DropColumn(
                name: "Outcome",
                table: "work_items");

            migrationBuilder.DropColumn(
                name: "Reminders",
                table: "work_items");

            migrationBuilder.DropColumn(
                name: "ResultJson",
                table: "work_items");
        }
    }
}
