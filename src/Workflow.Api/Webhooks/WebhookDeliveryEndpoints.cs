using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Campaigns;
using Workflow.Api.Errors;
using Workflow.Api.Identity;
using Workflow.Api.Paging;
using Workflow.Storage;
using Workflow.Storage.Outbox;

namespace Workflow.Api.Webhooks;

/// <param name="Status">pending, succeeded or dead (a dead letter: every attempt failed).</param>
/// <param name="MessageId">The webhook-id header it is sent with, the same on every attempt.</param>
public sealed record DeliveryView(
    long Id, Guid SubscriptionId, Guid CampaignId, long Sequence, string Kind, string MessageId, string Status, int Attempts,
    DateTime NextAttemptAt, int? LastStatusCode, string? LastError, DateTime CreatedAt, DateTime? CompletedAt);

/// <summary>What was sent where: a subscription's deliveries, the dead letters, and sending one again.</summary>
public static class WebhookDeliveryEndpoints
{
    public static IEndpointRouteBuilder MapWebhookDeliveries(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/webhooks").WithTags("Webhooks").RequireAuthorization(Roles.WebhookAdmins)
            .ProducesProblem(401).ProducesProblem(403);
        group.MapGet("/dead-letters", DeadLetters).WithSummary("Deliveries that failed every attempt (keyset paging)")
            .ProducesProblem(400);
        group.MapGet("/subscriptions/{id:guid}/deliveries", OfSubscription).WithSummary("A subscription's deliveries, oldest first (keyset paging)")
            .ProducesProblem(400).ProducesProblem(404);
        group.MapPost("/deliveries/{id:long}/redeliver", Redeliver).WithSummary("Send a finished delivery again, with fresh attempts")
            .ProducesProblem(404).ProducesProblem(409);
        return app;
    }

    private static Task<Results<Ok<Page<DeliveryView>>, ProblemHttpResult>> DeadLetters(string? cursor, int? limit, HttpContext context, CampaignDbContext db, CancellationToken cancellationToken) =>
        PageAsync(db.WebhookDeliveries.Where(d => d.Status == DeliveryStatus.Dead), "dead-letters", cursor, limit, context, cancellationToken);

    private static async Task<Results<Ok<Page<DeliveryView>>, ProblemHttpResult>> OfSubscription(
        Guid id, string? cursor, int? limit, HttpContext context, CampaignDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.WebhookSubscriptions.AnyAsync(s => s.Id == id, cancellationToken)) return WebhookSubscriptionEndpoints.NotFound(context, id);
        return await PageAsync(db.WebhookDeliveries.Where(d => d.SubscriptionId == id), "webhook-deliveries", cursor, limit, context, cancellationToken);
    }

    private static async Task<Results<Ok<Page<DeliveryView>>, ProblemHttpResult>> PageAsync(
        IQueryable<WebhookDelivery> query, string list, string? cursor, int? limit, HttpContext context, CancellationToken cancellationToken)
    {
        if (!Cursor.TryDecode(cursor, list, out var after)) return ApiProblem.Create(context, 400, ProblemCodes.CursorInvalid);
        if (Cursor.Refuse(context, limit) is { } badLimit) return badLimit;
        var take = Cursor.Limit(limit);
        var rows = await query.AsNoTracking().Where(d => d.Id > after).OrderBy(d => d.Id).Take(take + 1).ToListAsync(cancellationToken);
        var next = rows.Count > take ? Cursor.Encode(list, rows[take - 1].Id) : null;
        return TypedResults.Ok(new Page<DeliveryView>(rows.Take(take).Select(View).ToList(), next));
    }

    private static async Task<Results<Accepted<DeliveryView>, ProblemHttpResult>> Redeliver(long id, HttpContext context, CampaignDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // One statement: only a finished delivery is reset, so two admins pressing at once start one series of attempts.
        var reset = await db.WebhookDeliveries.Where(d => d.Id == id && d.Status != DeliveryStatus.Pending).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.Status, DeliveryStatus.Pending).SetProperty(d => d.Attempts, 0).SetProperty(d => d.NextAttemptAt, now)
            .SetProperty(d => d.CompletedAt, (DateTime?)null).SetProperty(d => d.ClaimedBy, (string?)null).SetProperty(d => d.ClaimedUntil, (DateTime?)null),
            cancellationToken);
        var delivery = await db.WebhookDeliveries.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (delivery is null) return ApiProblem.Create(context, 404, ProblemCodes.WebhookDeliveryNotFound, ("deliveryId", id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (reset == 0) return ApiProblem.Create(context, 409, ProblemCodes.WebhookDeliveryPending, ("deliveryId", id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return TypedResults.Accepted($"/api/v1/webhooks/subscriptions/{delivery.SubscriptionId}/deliveries", View(delivery));
    }

    private static DeliveryView View(WebhookDelivery d) => new(
        d.Id, d.SubscriptionId, d.CampaignId, d.Sequence, d.Kind, WebhookDispatcher.MessageId(d.CampaignId, d.Sequence),
        d.Status switch { DeliveryStatus.Succeeded => "succeeded", DeliveryStatus.Dead => "dead", _ => "pending" },
        d.Attempts, d.NextAttemptAt, d.LastStatusCode, d.LastError, d.CreatedAt, d.CompletedAt);
}
