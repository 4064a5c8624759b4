using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Errors;
using Workflow.Storage;
using Workflow.Storage.Identity;

namespace Workflow.Api.Identity;

/// <param name="State">active, expired or revoked.</param>
/// <param name="Prefix">The key's public part (cwk_{prefix}_…), to tell keys apart; the secret is never shown again.</param>
public sealed record KeyView(
    Guid Id, string Prefix, string Principal, string? Owner, IReadOnlyList<string> Roles, bool CanActForOthers, string State,
    DateTime CreatedAt, DateTime? ExpiresAt, DateTime? LastUsedAt, DateTime? RevokedAt, Guid? ReplacedBy);

/// <param name="Key">The whole key, shown only in this answer: only its hash is stored.</param>
public sealed record IssuedKey(string Key, KeyView Details);

/// <param name="Principal">The service account the key acts as (the actor on its ledger entries).</param>
/// <param name="Owner">The person answerable for the key.</param>
/// <param name="ExpiresAt">When the key stops working; leave it out for a key that does not expire.</param>
public sealed record CreateKeyRequest(string? Principal, string? Owner, IReadOnlyList<string>? Roles, bool? CanActForOthers, DateTime? ExpiresAt);

/// <param name="GraceSeconds">How long the old secret keeps working; 0 revokes it at once; left out: Identity:Keys:RotationGrace.</param>
public sealed record RotateKeyRequest(int? GraceSeconds);

/// <summary>Service accounts' API keys, for admins: list, issue, rotate, revoke.</summary>
public static class KeyEndpoints
{
    private const int MaxGraceSeconds = 30 * 24 * 3600;

    public static IEndpointRouteBuilder MapKeys(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/keys").WithTags("Identity").RequireAuthorization(Roles.KeyAdmins).ProducesProblem(401).ProducesProblem(403);
        group.MapGet("", List).WithSummary("Service accounts' API keys, newest first");
        group.MapPost("", Create).WithSummary("Issue a key; the secret is in this answer only").ProducesProblem(400);
        group.MapPost("/{id:guid}/rotate", Rotate).WithSummary("A new secret for the key; the old one stops after the grace").ProducesProblem(400).ProducesProblem(404);
        group.MapPost("/{id:guid}/revoke", Revoke).WithSummary("Revoke the key: it is refused from now on").ProducesProblem(404);
        return app;
    }

    private static async Task<Ok<List<KeyView>>> List(CampaignDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var rows = await db.ApiKeys.AsNoTracking().Where(k => k.Kind == ApiKey.KindKey).OrderByDescending(k => k.CreatedAt).ThenBy(k => k.Id).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        return TypedResults.Ok(rows.Select(r => View(r, now)).ToList());
    }

    private static async Task<Results<Created<IssuedKey>, ProblemHttpResult>> Create(
        CreateKeyRequest request, HttpContext context, ApiKeyIssuer issuer, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (FieldChecks.Required(context, ("principal", request.Principal), ("owner", request.Owner)) is { } missing) return missing;
        if (FieldChecks.MaxLength(context, ("principal", request.Principal, 200), ("owner", request.Owner, 200)) is { } tooLong) return tooLong;
        var roles = (request.Roles ?? []).Select(r => r.Trim().ToLowerInvariant()).Distinct().ToList();
        if (roles.Count == 0 || roles.Any(r => !Roles.All.Contains(r)))
            return ApiProblem.Create(context, 400, ProblemCodes.KeyRolesInvalid, ("allowed", string.Join(", ", Roles.All)));
        var now = clock.GetUtcNow().UtcDateTime;
        if (request.ExpiresAt is { } expires && expires.ToUniversalTime() <= now)
            return ApiProblem.Create(context, 400, ProblemCodes.KeyExpiryInPast, ("expiresAt", expires.ToUniversalTime().ToString("O")));
        var (key, row) = await issuer.IssueAsync(new ApiKeyIssuer.KeyRequest(
            request.Principal!.Trim(), roles, request.CanActForOthers ?? false, request.Owner!.Trim(), request.ExpiresAt?.ToUniversalTime()), cancellationToken);
        return TypedResults.Created($"/api/v1/keys/{row.Id}", new IssuedKey(key, View(row, now)));
    }

    private static async Task<Results<Created<IssuedKey>, ProblemHttpResult>> Rotate(
        Guid id, RotateKeyRequest? request, HttpContext context, ServiceAccountKeys keys, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (request?.GraceSeconds is < 0 or > MaxGraceSeconds)
            return ApiProblem.Create(context, 400, ProblemCodes.ValueInvalid, new Dictionary<string, string>
            {
                ["path"] = "$.graceSeconds", ["min"] = "0", ["max"] = MaxGraceSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["value"] = request.GraceSeconds.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }, variant: "range");
        var grace = request?.GraceSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
        if (await keys.RotateAsync(id, grace, cancellationToken) is not { } rotated) return NotFound(context, id);
        return TypedResults.Created($"/api/v1/keys/{rotated.Row.Id}", new IssuedKey(rotated.Key, View(rotated.Row, clock.GetUtcNow().UtcDateTime)));
    }

    private static async Task<Results<Ok<KeyView>, ProblemHttpResult>> Revoke(
        Guid id, HttpContext context, ServiceAccountKeys keys, TimeProvider clock, CancellationToken cancellationToken) =>
        await keys.RevokeAsync(id, ApiKey.KindKey, cancellationToken) is { } row ? TypedResults.Ok(View(row, clock.GetUtcNow().UtcDateTime)) : NotFound(context, id);

    private static ProblemHttpResult NotFound(HttpContext context, Guid id) => ApiProblem.Create(context, 404, ProblemCodes.KeyNotFound, ("keyId", id.ToString()));

    internal static KeyView View(ApiKey k, DateTime now) => new(
        k.Id, k.Prefix, k.Principal, k.Owner, k.Roles.Split(',', StringSplitOptions.RemoveEmptyEntries), k.CanActForOthers,
        k.RevokedAt is not null ? "revoked" : k.ExpiresAt <= now ? "expired" : "active",
        k.CreatedAt, k.ExpiresAt, k.LastUsedAt, k.RevokedAt, k.ReplacedBy);
}
