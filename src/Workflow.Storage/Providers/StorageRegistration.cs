using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Workflow.Storage.Providers;

/// <summary>Registers the context for the configured provider, with that provider's migrations assembly.</summary>
public static class StorageRegistration
{
    public const string SqliteMigrations = "Workflow.Storage.Sqlite";
    public const string SqlServerMigrations = "Workflow.Storage.SqlServer";
    public const string PostgreSqlMigrations = "Workflow.Storage.PostgreSql";

    public static IServiceCollection AddCampaignStorage(this IServiceCollection services, StorageOptions options, string dataFolder)
    {
        var connectionString = ConnectionString(options, dataFolder);
        services.AddDbContext<CampaignDbContext>(builder => Configure(builder, options.Provider, connectionString));
        return services;
    }

    public static void Configure(DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                builder.UseSqlite(connectionString, o => o.MigrationsAssembly(SqliteMigrations)).AddInterceptors(new SqlitePragmas());
                break;
            case DatabaseProvider.SqlServer:
                builder.UseSqlServer(connectionString, o => o.MigrationsAssembly(SqlServerMigrations).EnableRetryOnFailure());
                break;
            case DatabaseProvider.PostgreSql:
                builder.UseNpgsql(connectionString, o => o.MigrationsAssembly(PostgreSqlMigrations));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider.");
        }
    }

    private static string ConnectionString(StorageOptions options, string dataFolder)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString)) return options.ConnectionString;
        if (options.Provider != DatabaseProvider.Sqlite)
            throw new InvalidOperationException($"Storage:ConnectionString is required for the {options.Provider} provider.");
        Directory.CreateDirectory(dataFolder);
        return $"Data Source={Path.Combine(dataFolder, "campaigns.db")};Pooling=True";
    }
}
