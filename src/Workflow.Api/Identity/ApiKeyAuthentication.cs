using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Workflow.Storage;
using Workflow.Storage.Identity;

namespace Workflow.Api.Identity;

/// <summary>
/// Authenticates requests by API key or local session token, from <c>X-Api-Key</c> or <c>Authorization: Bearer</c>.
/// Expired and revoked ones are refused at once; a key's last-used time is kept to the minute.
/// </summary>
internal sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, CampaignDbContext db, ApiKeyCache cache)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";
    public const string ActForOthersClaim = "act_for_others";

    /// <summary>Set on the request when a key was sent but refused, so its 401 says the key is wrong rather than missing.</summary>
    public const string KeyRefusedItem = "auth.key_refused";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = Request.Headers[Header].FirstOrDefault() ?? BearerToken(Request);
        if (string.IsNullOrEmpty(key)) return AuthenticateResult.NoResult();
        if (!ApiKeySecrets.TryParse(key, out var prefix, out var secret)) return Refused("The API key is malformed.");

        if (await cache.FindAsync(db, prefix, secret, Context.RequestAborted) is not { } row)
            return Refused("The API key is unknown, expired or revoked.");
        await cache.TouchAsync(db, row, Context.RequestAborted);

        var session = row.Kind == ApiKey.KindSession;
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, row.Principal), new(ClaimTypes.Name, row.Principal),
            new(WorkflowClaims.SignInMethod, session ? SignInMethods.Local : SignInMethods.ApiKey),
            new(WorkflowClaims.CredentialId, row.Id.ToString()),
        };
        claims.AddRange(row.Roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(r => new Claim(ClaimTypes.Role, r)));
        if (row.CanActForOthers) claims.Add(new Claim(ActForOthersClaim, "true"));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    /// <summary>The token of an <c>Authorization: Bearer</c> header, or null.</summary>
    public static string? BearerToken(HttpRequest request) =>
        request.Headers.Authorization.FirstOrDefault() is { } authorization && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? authorization["Bearer ".Length..].Trim()
            : null;

    private AuthenticateResult Refused(string why)
    {
        Context.Items[KeyRefusedItem] = true;
        return AuthenticateResult.Fail(why);
    }
}
