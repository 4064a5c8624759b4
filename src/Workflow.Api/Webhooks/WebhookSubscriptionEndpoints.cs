using Microsoft.AspNetCore.Http.HttpResults;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workflow.Api.Campaigns;
using Workflow.Api.Errors;
using Workflow.Api.Identity;
using Workflow.Api.Paging;
using Workflow.Storage;
using Workflow.Storage.History;
using Workflow.Storage.Outbox;

namespace Workflow.Api.Webhooks;

/// <param name="Url">Where entries are POSTed: http or https, on a host in Webhooks:AllowedHosts.</param>
/// <param name="Kinds">The ledger kinds to send (e.g. task.activated, phase.transitioned).</param>
/// <param name="CampaignId">Only this campaign's entries.</param>
/// <param name="Organization">Only entries of campaigns of this organization.</param>
public sealed record CreateSubscriptionRequest(string? Url, IReadOnlyList<string>? Kinds, Guid? CampaignId, string? Organization);

public sealed record SubscriptionView(Guid Id, string Url, IReadOnlyList<string> Kinds, Guid? CampaignId, string? Organization, string CreatedBy, DateTime CreatedAt);

/// <param name="Secret">The signing secret (whsec_…): shown this once; verify each delivery's webhook-signature with it.</param>
public sealed record CreatedSubscription(Guid Id, string Url, IReadOnlyList<string> Kinds, Guid? CampaignId, string? Organization, string CreatedBy, DateTime CreatedAt, string Secret);

/// <summary>Admins register, list and remove webhook subscriptions.</summary>
public static class WebhookSubscriptionEndpoints
{
    public const int UrlMaxLength = 2000;

    public static IEndpointRouteBuilder MapWebhookSubscriptions(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/webhooks/subscriptions").WithTags("Webhooks").RequireAuthorization(Roles.WebhookAdmins)
            .ProducesProblem(401).ProducesProblem(403);
        group.MapPost("/", Create).WithSummary("Subscribe a URL to ledger kinds; the signing secret is in the answer, once")
            .ProducesProblem(400).ProducesProblem(422);
        group.MapGet("/", List).WithSummary("The subscriptions (keyset paging)").ProducesProblem(400);
        group.MapGet("/{id:guid}", Get).WithSummary("One subscription (without its secret)").ProducesProblem(404);
        group.MapDelete("/{id:guid}", Delete).WithSummary("Remove a subscription and its deliveries").ProducesProblem(404);
        return app;
    }

    private static async Task<Results<Created<CreatedSubscription>, ProblemHttpResult>> Create(
        CreateSubscriptionRequest? request, HttpContext context, CampaignDbContext db, IOptions<WebhookOptions> options, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (request is null) return ApiProblem.Create(context, 400, ProblemCodes.BodyRequired);
        if (FieldChecks.Required(context, ("url", request.Url)) is { } missing) return missing;
        if (FieldChecks.MaxLength(context, ("url", request.Url, UrlMaxLength), ("organization", request.Organization, 200)) is { } tooLong) return tooLong;
        if (!Uri.TryCreate(request.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
            || !string.IsNullOrEmpty(url.UserInfo))
            return ApiProblem.Create(context, 422, ProblemCodes.WebhookUrlInvalid, ("url", request.Url!));
        if (!options.Value.IsAllowed(url))
            return ApiProblem.Create(context, 422, ProblemCodes.WebhookHostNotAllowed, ("host", url.Host));
        var kinds = (request.Kinds ?? []).Select(k => k?.Trim() ?? "").Distinct(StringComparer.Ordinal).ToList();
        if (kinds.Count == 0) return ApiProblem.Create(context, 400, ProblemCodes.FieldRequired, ("field", "kinds"));
        if (kinds.FirstOrDefault(k => !LedgerKinds.All.Contains(k)) is { } unknown)
            return ApiProblem.Create(context, 422, ProblemCodes.WebhookKindUnknown, ("kind", unknown), ("kinds", string.Join(", ", LedgerKinds.All)));
        if (request.CampaignId is { } campaignId && !await db.Campaigns.AnyAsync(c => c.Id == campaignId, cancellationToken))
            return ApiProblem.Create(context, 422, ProblemCodes.CampaignNotFound, ("campaignId", campaignId.ToString()));
        if (!RequestActor.TryRead(context, out var actor, out var refusal)) return refusal;

        var subscription = new WebhookSubscription
        {
            Id = Guid.CreateVersion7(), Url = url.AbsoluteUri, Kinds = string.Join(',', kinds), CampaignId = request.CampaignId,
            Organization = string.IsNullOrWhiteSpace(request.Organization) ? null : request.Organization.Trim(),
            Secret = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)),
            CreatedBy = actor.Principal, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.WebhookSubscriptions.Add(subscription);
        await db.SaveChangesAsync(cancellationToken);
        var view = View(subscription);
        return TypedResults.Created($"/api/v1/webhooks/subscriptions/{subscription.Id}", new CreatedSubscription(
            view.Id, view.Url, view.Kinds, view.CampaignId, view.Organization, view.CreatedBy, view.CreatedAt, subscription.Secret));
    }

    private static async Task<Results<Ok<Page<SubscriptionView>>, ProblemHttpResult>> List(string? cursor, int? limit, HttpContext context, CampaignDbContext db, CancellationToken cancellationToken)
    {
        if (!Cursor.TryDecode(cursor, "webhook-subscriptions", out var after) || after > DateTime.MaxValue.Ticks) return ApiProblem.Create(context, 400, ProblemCodes.CursorInvalid);
        if (Cursor.Refuse(context, limit) is { } badLimit) return badLimit;
        var take = Cursor.Limit(limit);
        // Keyset on the creation time (microseconds, as stored); subscriptions are made by hand, one at a time.
        var from = new DateTime(Math.Max(after, 0), DateTimeKind.Utc);
        var page = await db.WebhookSubscriptions.AsNoTracking().Where(s => s.CreatedAt > from)
            .OrderBy(s => s.CreatedAt).ThenBy(s => s.Id).Take(take + 1).ToListAsync(cancellationToken);
        var next = page.Count > take ? Cursor.Encode("webhook-subscriptions", page[take - 1].CreatedAt.Ticks) : null;
        return TypedResults.Ok(new Page<SubscriptionView>(page.Take(take).Select(View).ToList(), next));
    }

    private static async Task<Results<Ok<SubscriptionView>, ProblemHttpResult>> Get(
        Guid id, HttpContext context, CampaignDbContext db, CancellationToken cancellationToken)
    {
        var subscription = await db.WebhookSubscriptions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (subscription is null) return NotFound(context, id);
        return TypedResults.Ok(View(subscription));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid id, HttpContext context, CampaignDbContext db, CancellationToken cancellationToken)
    {
        // The deliveries go with it (cascade).
        var removed = await db.WebhookSubscriptions.Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken);
        if (removed == 0) return NotFound(context, id);
        return TypedResults.NoContent();
    }

    internal static ProblemHttpResult NotFound(HttpContext context, Guid id) =>
        ApiProblem.Create(context, 404, ProblemCodes.WebhookSubscriptionNotFound, ("subscriptionId", id.ToString()));

    private static SubscriptionView View(WebhookSubscription s) =>
        new(s.Id, s.Url, s.Kinds.Split(',', StringSplitOptions.RemoveEmptyEntries), s.CampaignId, s.Organization, s.CreatedBy, s.CreatedAt);
}
