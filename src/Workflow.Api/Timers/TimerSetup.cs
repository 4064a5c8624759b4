using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;
using Quartz;
using Workflow.Api.Audit.Anchoring;
using Workflow.Storage.Providers;

namespace Workflow.Api.Timers;

/// <summary>
/// Durable timers: the projection and the sweep, run by Quartz.NET with its ADO.NET job store in the
/// campaign database. Clustered on PostgreSQL and SQL Server; SQLite is one node by nature and Quartz
/// refuses clustering there. Quartz creates its own tables (qrtz_*) at start when they are missing.
/// </summary>
public static class TimerSetup
{
    public static IServiceCollection AddTimers(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        var section = configuration.GetSection(TimerOptions.Section);
        services.Configure<TimerOptions>(section);
        var settings = section.Get<TimerOptions>() ?? new TimerOptions();
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        var clustered = storage.Provider != DatabaseProvider.Sqlite;
        services.AddSingleton(new TimerStatus { Clustered = clustered, Enabled = settings.Scheduler.Enabled });
        services.AddSingleton<TimerProjection>();
        services.AddSingleton<TimerSweep>();
        if (!settings.Scheduler.Enabled) return services;

        services.AddQuartz(quartz =>
        {
            // Quartz's clock is real time, whatever TimeProvider the app runs on: it only decides when to sweep;
            // what is due is decided by the app's clock (the sweep reads it), so tests move that one.
            quartz.UseTimeProvider(TimeProvider.System);
            quartz.ConfigureScheduler(s =>
            {
                s.InstanceName = "campaign-timers";
                s.GenerateInstanceId = true;
                s.IdleWaitTime = settings.Scheduler.IdleWaitTime;
            });
            quartz.UsePersistentStore(store =>
            {
                store.ConfigureStore(o => o.MisfireThreshold = settings.Scheduler.MisfireThreshold);
                switch (storage.Provider)
                {
                    case DatabaseProvider.PostgreSql:
                        store.UsePostgres(NpgsqlFactory.Instance, storage.ConnectionString!);
                        break;
                    case DatabaseProvider.SqlServer:
                        store.UseSqlServer(SqlClientFactory.Instance, storage.ConnectionString!);
                        break;
                    default:
                        store.UseSqlite(SqliteFactory.Instance, SqliteConnectionString(configuration, environment, storage));
                        break;
                }
                if (clustered)
                    store.UseClustering(c =>
                    {
                        c.CheckinInterval = settings.Scheduler.CheckinInterval;
                        c.CheckinMisfireThreshold = settings.Scheduler.CheckinMisfireThreshold;
                    });
                store.ProvisionSchema();
            });
            quartz.AddAnchoringJob(configuration);
            quartz.AddJob<TimerSweepJob>(job => job.WithIdentity(TimerSweepJob.Key).StoreDurably().RequestRecovery());
            quartz.AddTrigger(trigger => trigger.ForJob(TimerSweepJob.Key).WithIdentity("timer-sweep", "campaign-timers").StartNow()
                .WithSimpleSchedule(s => s.WithInterval(settings.Scheduler.SweepInterval).RepeatForever()));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = false);
        return services;
    }

    /// <summary>The same file the campaign database uses (its default lives in the data folder).</summary>
    private static string SqliteConnectionString(IConfiguration configuration, IWebHostEnvironment environment, StorageOptions storage)
    {
        if (!string.IsNullOrWhiteSpace(storage.ConnectionString)) return storage.ConnectionString;
        var folder = configuration["Storage:DataFolder"] is { Length: > 0 } configured
            ? configured
            : Path.Combine(environment.ContentRootPath, "App_Data");
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, "campaigns.db")};Pooling=True";
    }
}
