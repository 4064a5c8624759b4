using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Workflow.Api.Errors;
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

    /// <summary>The columns these headers are stored in hold this much; longer values are refused up front, not by the database.</summary>
    public const int MaxHeaderLength = 200;

    /// <summary>Reads the actor from the request, or the refusal: a header too long, or X-On-Behalf-Of from a key that may not act for others.</summary>
    public static bool TryRead(HttpContext context, [NotNullWhen(true)] out RequestActor? actor, [NotNullWhen(false)] out ProblemHttpResult? refusal)
    {
        actor = null;
        var headers = context.Request.Headers;
        refusal = FieldChecks.MaxLength(context,
            (OnBehalfOfHeader, headers[OnBehalfOfHeader].ToString(), MaxHeaderLength),
            (IdempotencyHeader, headers[IdempotencyHeader].ToString(), MaxHeaderLength),
            (CorrelationHeader, headers[CorrelationHeader].ToString(), MaxHeaderLength));
        if (refusal is not null) return false;

        var user = context.User;
        var onBehalfOf = Header(context, OnBehalfOfHeader);
        if (onBehalfOf is not null && user.FindFirstValue(ApiKeyAuthentication.ActForOthersClaim) != "true")
        {
            refusal = ApiProblem.Create(context, 403, ProblemCodes.OnBehalfOfNotAllowed, ("onBehalfOf", onBehalfOf));
            return false;
        }
        actor = new RequestActor(
            user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous",
            onBehalfOf,
            Header(context, IdempotencyHeader),
            Header(context, CorrelationHeader) ?? context.TraceIdentifier);
        return true;
    }

    private static string? Header(HttpContext context, string name) =>
        context.Request.Headers[name].FirstOrDefault() is { } value && value.Trim() is { Length: > 0 } trimmed ? trimmed : null;
}
