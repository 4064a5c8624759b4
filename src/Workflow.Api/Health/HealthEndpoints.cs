using Microsoft.EntityFrameworkCore;
using Workflow.Storage;

namespace Workflow.Api.Health;

/// <summary>Liveness (the process answers) and readiness (the database answers and its migrations are applied).</summary>
public static class HealthEndpoints
{
    public static IServiceCollection AddHealth(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/health").WithTags("Health").AllowAnonymous();
        group.MapGet("/live", () => TypedResults.Ok(new { status = "live" }));
        group.MapGet("/ready", async (CampaignDbContext db, CancellationToken cancellationToken) =>
        {
            try
            {
                if (!await db.Database.CanConnectAsync(cancellationToken))
                    return Results.Json(new { status = "unavailable", reason = "The database does not answer." }, statusCode: 503);
                var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
                return pending.Count == 0
                    ? Results.Ok(new { status = "ready" })
                    : Results.Json(new { status = "unavailable", reason = "Migrations are pending.", pending }, statusCode: 503);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                return Results.Json(new { status = "unavailable", reason = "The database does not answer." }, statusCode: 503);
            }
        });
        return app;
    }
}
