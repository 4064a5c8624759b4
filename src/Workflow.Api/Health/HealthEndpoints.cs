using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Workflow.Storage;

namespace Workflow.Api.Health;

/// <summary>Liveness (the process answers) and readiness (the database answers and its migrations are applied).</summary>
public static class HealthEndpoints
{
    /// <summary>live, ready or unavailable; for unavailable, why, and the migrations not yet applied.</summary>
    public sealed record HealthStatus(
        string Status,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Pending = null);

    public static IServiceCollection AddHealth(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/health").WithTags("Health").AllowAnonymous();
        group.MapGet("/live", () => TypedResults.Ok(new HealthStatus("live")))
            .WithSummary("The process answers (no key needed)");
        group.MapGet("/ready", Ready)
            .WithSummary("The database answers and every migration is applied (no key needed); 503 otherwise")
            .Produces<HealthStatus>().Produces<HealthStatus>(503);
        return app;
    }

    private static async Task<IResult> Ready(CampaignDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            if (!await db.Database.CanConnectAsync(cancellationToken))
                return Unavailable(new HealthStatus("unavailable", "The database does not answer."));
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            return pending.Count == 0
                ? TypedResults.Ok(new HealthStatus("ready"))
                : Unavailable(new HealthStatus("unavailable", "Migrations are pending.", pending));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return Unavailable(new HealthStatus("unavailable", "The database does not answer."));
        }
    }

    private static IResult Unavailable(HealthStatus status) => TypedResults.Json(status, statusCode: 503);
}
