using Microsoft.AspNetCore.Http.HttpResults;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Quartz;
using Workflow.Api.Timers;
using Workflow.Storage;

namespace Workflow.Api.Health;

/// <summary>Liveness (the process answers) and readiness (the database answers and its migrations are applied).</summary>
public static class HealthEndpoints
{
    /// <summary>live, ready or unavailable; for unavailable, why, and the migrations not yet applied.</summary>
    public sealed record HealthStatus(
        string Status,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Pending = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SchedulerHealth? Scheduler = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DispatcherHealth? Dispatcher = null);

    /// <summary>
    /// The webhook dispatcher on this node: <c>running</c> or <c>disabled</c> (Webhooks:PollInterval zero), its last pass, how
    /// many sends it made, and what was left after it: entries not yet fanned out and deliveries waiting for an attempt.
    /// </summary>
    public sealed record DispatcherHealth(string Status, DateTimeOffset? LastPassAt, int LastSent, long OutboxDepth, long PendingDeliveries);

    /// <summary>
    /// The timer scheduler: <c>status</c> is Quartz's (running, standby, shutdown…, or disabled), whether its job
    /// store is clustered, this node's instance id, and when this node last swept and how many timers it fired.
    /// </summary>
    public sealed record SchedulerHealth(string Status, bool Started, bool Clustered, string? InstanceId, DateTimeOffset? LastSweepAt, int LastFired);

    public static IServiceCollection AddHealth(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/health").WithTags("Health").AllowAnonymous();
        group.MapGet("/live", () => TypedResults.Ok(new HealthStatus("live")))
            .WithSummary("The process answers (no key needed)");
        group.MapGet("/ready", Ready)
            .WithSummary("The database answers and every migration is applied (no key needed); 503 otherwise")
            .Produces<HealthStatus>(503);
        return app;
    }

    private static async Task<Results<Ok<HealthStatus>, JsonHttpResult<HealthStatus>>> Ready(
        CampaignDbContext db, TimerStatus timers, Webhooks.DispatcherStatus dispatcherStatus, IServiceProvider services, CancellationToken cancellationToken)
    {
        var dispatcher = new DispatcherHealth(dispatcherStatus.Running ? "running" : "disabled", dispatcherStatus.LastPassAt, dispatcherStatus.LastSent,
            dispatcherStatus.OutboxDepth, dispatcherStatus.PendingDeliveries);
        try
        {
            var scheduler = await SchedulerAsync(timers, services, cancellationToken);
            if (!await db.Database.CanConnectAsync(cancellationToken))
                return Unavailable(new HealthStatus("unavailable", "The database does not answer.", Scheduler: scheduler, Dispatcher: dispatcher));
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0) return Unavailable(new HealthStatus("unavailable", "Migrations are pending.", pending, scheduler, dispatcher));
            return TypedResults.Ok(new HealthStatus("ready", Scheduler: scheduler, Dispatcher: dispatcher));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return Unavailable(new HealthStatus("unavailable", "The database does not answer."));
        }
    }

    private static async Task<SchedulerHealth> SchedulerAsync(TimerStatus timers, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (!timers.Enabled || services.GetService<ISchedulerFactory>() is not { } factory)
            return new SchedulerHealth("disabled", false, timers.Clustered, null, timers.LastSweepAt, timers.LastFired);
        var scheduler = await factory.GetScheduler(cancellationToken);
        var status = await scheduler.GetStatus(cancellationToken);
        return new SchedulerHealth(JsonNamingPolicy.CamelCase.ConvertName(status.ToString()), status == SchedulerStatus.Running, timers.Clustered,
            scheduler.SchedulerInstanceId, timers.LastSweepAt, timers.LastFired);
    }

    private static JsonHttpResult<HealthStatus> Unavailable(HealthStatus status) => TypedResults.Json(status, statusCode: 503);
}
