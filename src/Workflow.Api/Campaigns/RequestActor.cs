using System.Security.Claims;
using Workflow.Api.Identity;

namespace Workflow.Api.Campaigns;

/// <summary>
/// Who is acting: always the authenticated principal, never a body field, plus the person they act
/// for (only from keys allowed to), the idempotency key and a correlation id.
/// </summary>
public sealed record RequestActor(string Principal, string? OnBehalfOf, string? IdempotencyKey, string? CorrelationId)
{
    public const string OnBehalfOfHeader = "X-On-Behalf-Of";
    public const string IdempotencyHeader = "Idempotency-Key";
    public const string CorrelationHeader = "X-Correlation-Id";

    /// <summary>Reads the actor from the request; null when the key may not act for others but tried to.</summary>
    public static RequestActor? From(HttpContext context)
    {
        var user = context.User;
        var principal = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous";
        var onBehalfOf = context.Request.Headers[OnBehalfOfHeader].FirstOrDefault() is { Length: > 0 } other ? other.Trim() : null;
        if (onBehalfOf is not null && user.FindFirstValue(ApiKeyAuthentication.ActForOthersClaim) != "true") return null;
        return new RequestActor(
            principal,
            onBehalfOf,
            context.Request.Headers[IdempotencyHeader].FirstOrDefault() is { Length: > 0 } key ? key.Trim() : null,
            context.Request.Headers[CorrelationHeader].FirstOrDefault() ?? context.TraceIdentifier);
    }
}
