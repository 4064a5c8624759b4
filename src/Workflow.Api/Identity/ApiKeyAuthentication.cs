using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Workflow.Storage;

namespace Workflow.Api.Identity;

/// <summary>Authenticates requests by API key, from <c>X-Api-Key</c> or <c>Authorization: Bearer</c>.</summary>
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
        var key = Request.Headers[Header].FirstOrDefault();
        if (key is null && Request.Headers.Authorization.FirstOrDefault() is { } authorization
            && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            key = authorization["Bearer ".Length..].Trim();
        if (string.IsNullOrEmpty(key)) return AuthenticateResult.NoResult();
        if (!ApiKeySecrets.TryParse(key, out var prefix, out var secret)) return Refused("The API key is malformed.");

        if (await cache.FindAsync(db, prefix, secret, Context.RequestAborted) is not { } row)
            return Refused("The API key is unknown or revoked.");

        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, row.Principal), new(ClaimTypes.Name, row.Principal) };
        claims.AddRange(row.Roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(r => new Claim(ClaimTypes.Role, r)));
        if (row.CanActForOthers) claims.Add(new Claim(ActForOthersClaim, "true"));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    private AuthenticateResult Refused(string why)
    {
        Context.Items[KeyRefusedItem] = true;
        return AuthenticateResult.Fail(why);
    }
}
