using Microsoft.EntityFrameworkCore;
using Workflow.Api.Definitions;
using Workflow.Api.Identity;
using Workflow.Storage;
using Workflow.Storage.Providers;

namespace Workflow.Api.Database;

/// <summary>Chooses the database from configuration and brings it up to date at start-up.</summary>
public static class DatabaseSetup
{
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        var options = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        var dataFolder = DataFolder(configuration, environment);
        services.AddSingleton(options);
        return services.AddCampaignStorage(options, dataFolder);
    }

    private static string DataFolder(IConfiguration configuration, IWebHostEnvironment environment) =>
        configuration["Storage:DataFolder"] is { Length: > 0 } folder ? folder : Path.Combine(environment.ContentRootPath, "App_Data");

    /// <summary>
    /// Migrates the schema, imports the definitions in workflows/, makes sure the signing key ring has its
    /// current key and the anchor sinks their subscriptions, keeps the data folder the server's alone, and on the embedded
    /// default makes the first admin key and local admin account.
    /// </summary>
    public static async Task PrepareStorageAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CampaignDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        Security.DataFolderModes.Restrict(DataFolder(app.Configuration, app.Environment), scope.ServiceProvider.GetRequiredService<StorageOptions>(), app.Logger);
        await scope.ServiceProvider.GetRequiredService<DefinitionImporter>().ImportAsync(cancellationToken);
        await Audit.Verification.VerificationEndpoints.EnsureSigningKeyRingAsync(app.Services, cancellationToken);
        await Audit.Anchoring.AnchoringSetup.EnsureAnchorSinksAsync(app.Services, cancellationToken);
        if (scope.ServiceProvider.GetRequiredService<StorageOptions>().Provider == DatabaseProvider.Sqlite)
        {
            await scope.ServiceProvider.GetRequiredService<AdminKeyBootstrap>().EnsureAsync(cancellationToken);
            await scope.ServiceProvider.GetRequiredService<AdminAccountBootstrap>().EnsureAsync(DataFolder(app.Configuration, app.Environment), cancellationToken);
        }
    }
}
