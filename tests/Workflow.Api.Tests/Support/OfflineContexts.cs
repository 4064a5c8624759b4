using Microsoft.EntityFrameworkCore;
using Workflow.Storage;
using Workflow.Storage.Providers;

namespace Workflow.Api.Tests.Support;

/// <summary>
/// A context for each provider exactly as the API configures it, for building models, scripts and
/// SQL without a server: nothing here ever opens a connection.
/// </summary>
public static class OfflineContexts
{
    public static readonly DatabaseProvider[] All = [DatabaseProvider.Sqlite, DatabaseProvider.SqlServer, DatabaseProvider.PostgreSql];

    public static TheoryData<DatabaseProvider> Providers => new(All);

    public static CampaignDbContext Create(DatabaseProvider provider)
    {
        var connectionString = provider switch
        {
            DatabaseProvider.Sqlite => "Data Source=never-opened.db",
            DatabaseProvider.SqlServer => "Server=localhost;Database=campaigns;User Id=sa;Password=never-used;TrustServerCertificate=True",
            _ => "Host=localhost;Database=campaigns;Username=postgres",
        };
        var builder = new DbContextOptionsBuilder<CampaignDbContext>();
        StorageRegistration.Configure(builder, provider, connectionString);
        return new CampaignDbContext(builder.Options);
    }
}
