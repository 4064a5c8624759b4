using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Workflow.Api.Errors;
using Workflow.Api.Security;
using Workflow.Storage.Identity;

namespace Workflow.Api.Identity;

public sealed record SignInRequest(string? UserName, string? Password);

/// <param name="Token">Send it as <c>Authorization: Bearer</c>; it stops at <paramref name="ExpiresAt"/> or when the session is ended.</param>
public sealed record SessionView(string Token, string Principal, string Name, DateTime ExpiresAt);

/// <param name="Oidc">The OpenID Connect provider to sign in with, when there is one.</param>
/// <param name="LocalAccounts">Whether local accounts sign in here (POST /api/v1/session).</param>
/// <param name="ApiKeys">API keys are always accepted (for integrators).</param>
public sealed record SignInOptionsView(OidcSignInView? Oidc, bool LocalAccounts, bool ApiKeys);

public sealed record OidcSignInView(string Authority, string ClientId, string Scopes, string? Audience);

/// <summary>
/// Sign-in with a local account. The session is a short-lived opaque bearer token stored (as a hash) beside the API keys,
/// not a cookie: the web app already sends a credential header with every call, so there is no cookie to guard against
/// cross-site requests (no antiforgery tokens), and because the session is a row, signing out ends it at once — a
/// self-contained token would stay valid until it expired.
/// </summary>
public static class SessionEndpoints
{
    public static IEndpointRouteBuilder MapSessions(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/sign-in", SignInOptions).AllowAnonymous().WithTags("Identity").WithSummary("How people sign in here: the OpenID Connect provider, or local accounts");
        var group = app.MapGroup("/api/v1/session").WithTags("Identity");
        group.MapPost("", SignIn).AllowAnonymous().WithSummary("Sign in with a local account's user name and password")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(404).ProducesProblem(429);
        group.MapDelete("", SignOut).WithSummary("Sign out: the session's token is refused from now on").ProducesProblem(401).ProducesProblem(400);
        return app;
    }

    private static Ok<SignInOptionsView> SignInOptions(OidcOptions oidc) => TypedResults.Ok(new SignInOptionsView(
        oidc.Enabled ? new OidcSignInView(oidc.Authority!, oidc.ClientId ?? "", oidc.Scopes, oidc.Audience) : null, !oidc.Enabled, true));

    private static async Task<Results<Created<SessionView>, ProblemHttpResult>> SignIn(
        SignInRequest request, HttpContext context, OidcOptions oidc, LocalAccounts accounts, ApiKeyIssuer issuer, SignInThrottle throttle,
        IConfiguration configuration, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (oidc.Enabled) return ApiProblem.Create(context, 404, ProblemCodes.LocalAccountsDisabled);
        if (FieldChecks.Required(context, ("userName", request.UserName), ("password", request.Password)) is { } missing) return missing;
        if (FieldChecks.MaxLength(context, ("userName", request.UserName, 200), ("password", request.Password, 1000)) is { } tooLong) return tooLong;
        if (throttle.Exhausted(context) && throttle.CountFailure(context) is { } wait) return Throttled(context, wait);
        if (await accounts.VerifyAsync(request.UserName!.Trim(), request.Password!, cancellationToken) is not { } user)
        {
            if (throttle.CountFailure(context) is { } retryAfter) return Throttled(context, retryAfter);
            return ApiProblem.Create(context, 401, ProblemCodes.SignInFailed);
        }
        var expires = clock.GetUtcNow().UtcDateTime + configuration.GetValue("Identity:SessionLifetime", TimeSpan.FromHours(8));
        var (token, _) = await issuer.IssueAsync(new ApiKeyIssuer.KeyRequest(
            user.UserName, user.Roles.Split(',', StringSplitOptions.RemoveEmptyEntries), user.CanActForOthers, user.UserName, expires, ApiKey.KindSession), cancellationToken);
        return TypedResults.Created("/api/v1/me", new SessionView(token, user.UserName, user.DisplayName, expires));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> SignOut(
        ClaimsPrincipal user, HttpContext context, ServiceAccountKeys keys, CancellationToken cancellationToken)
    {
        if (user.FindFirstValue(WorkflowClaims.SignInMethod) != SignInMethods.Local || !Guid.TryParse(user.FindFirstValue(WorkflowClaims.CredentialId), out var id))
            return ApiProblem.Create(context, 400, ProblemCodes.SessionRequired);
        await keys.RevokeAsync(id, ApiKey.KindSession, cancellationToken);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult Throttled(HttpContext context, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.Headers.RetryAfter = seconds;
        return ApiProblem.Create(context, 429, ProblemCodes.SignInThrottled, ("retryAfter", seconds));
    }
}
