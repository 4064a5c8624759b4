using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflow.Storage.PostgreSql.Migrations
{
    /// <summary>
    /// The events feed's commit order: each ledger entry carries the id of the transaction that wrote
    /// it (xid8, so it never wraps), indexed with the entry id for the feed's keyset. Not part of the
    /// EF model: only the feed's own SQL reads it (Workflow.Storage.Feed.FeedReader), and inserts leave
    /// it to its default. Existing entries get this migration's transaction id, so they all come first.
    /// </summary>
    [DbContext(typeof(CampaignDbContext))]
    [Migration("20261202194500_CommitOrderFeed")]
    public partial class CommitOrderFeed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""ALTER TABLE history ADD COLUMN "CommitXid" xid8 NOT NULL DEFAULT pg_current_xact_id();""");
            migrationBuilder.Sql("""CREATE INDEX "IX_history_CommitXid_Id" ON history ("CommitXid", "Id");""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_history_CommitXid_Id";""");
            migrationBuilder.Sql("""ALTER TABLE history DROP COLUMN IF EXISTS "CommitXid";""");
        }
    }
}
