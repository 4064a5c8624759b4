using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Workflow.Storage.Providers;

namespace Workflow.Storage.Sqlite;

/// <summary>Lets `dotnet ef` build the context for this provider without running the API; it never connects.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<CampaignDbContext>
{
    public CampaignDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<CampaignDbContext>();
        StorageRegistration.Configure(builder, DatabaseProvider.Sqlite, "Data Source=design-time.db");
        return new CampaignDbContext(builder.Options);
    }
}
