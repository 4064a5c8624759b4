using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflow.Storage.SqlServer.Migrations
{
    /// <summary>
    /// The events feed's commit order: a rowversion on each ledger entry, read below
    /// MIN_ACTIVE_ROWVERSION() so that no entry of a transaction still running is passed over. Not part
    /// of the EF model: only the feed's own SQL reads it (Workflow.Storage.Feed.FeedReader).
    /// </summary>
    [DbContext(typeof(CampaignDbContext))]
    [Migration("20261202194500_CommitOrderFeed")]
    public partial class CommitOrderFeed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE [history] ADD [CommitVersion] rowversion NOT NULL;");
            migrationBuilder.Sql("CREATE INDEX [IX_history_CommitVersion] ON [history] ([CommitVersion]);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX [IX_history_CommitVersion] ON [history];");
            migrationBuilder.Sql("ALTER TABLE [history] DROP COLUMN [CommitVersion];");
        }
    }
}
