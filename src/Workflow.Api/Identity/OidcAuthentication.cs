using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace Workflow.Api.Identity;

/// <summary>
/// JWT bearer tokens from the configured OpenID Connect provider: validated against its published keys, issuer, audience
/// and lifetime, then mapped to the same claims an API key gives (principal, name, roles) plus groups and organization
/// under <see cref="WorkflowClaims"/>.
/// </summary>
public static class OidcAuthentication
{
    public const string SchemeName = "Oidc";

    /// <summary>Set on the request when a token was sent but refused (bad signature, audience, issuer or expired).</summary>
    public const string TokenRefusedItem = "auth.token_refused";

    public static AuthenticationBuilder AddOidcBearer(this AuthenticationBuilder authentication, OidcOptions oidc) =>
        authentication.AddJwtBearer(SchemeName, options =>
        {
            options.Authority = oidc.Authority;
            options.Audience = oidc.Audience;
            options.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
            // The token's own claim names, so the mapping below reads what the provider wrote.
            options.MapInboundClaims = false;
            options.TokenValidationParameters.ValidateAudience = true;
            options.TokenValidationParameters.ValidAudience = oidc.Audience;
            options.TokenValidationParameters.ClockSkew = TimeSpan.FromSeconds(Math.Max(0, oidc.ClockSkewSeconds));
            options.Events = new JwtBearerEvents
            {
                OnAuthenticationFailed = context =>
                {
                    context.HttpContext.Items[TokenRefusedItem] = true;
                    return Task.CompletedTask;
                },
                OnTokenValidated = context =>
                {
                    if (Map(context.Principal!, oidc.Claims) is { } mapped) context.Principal = mapped;
                    else
                    {
                        context.HttpContext.Items[TokenRefusedItem] = true;
                        context.Fail($"The token has no '{oidc.Claims.Principal}' claim to name its user.");
                    }
                    return Task.CompletedTask;
                },
            };
        });

    /// <summary>The token's claims as the API reads them, or null when the token names no user.</summary>
    public static ClaimsPrincipal? Map(ClaimsPrincipal token, OidcClaimNames names)
    {
        var principal = token.FindFirstValue(names.Principal);
        if (string.IsNullOrWhiteSpace(principal)) return null;
        var name = token.FindFirstValue(names.Name) ?? token.FindFirstValue("preferred_username") ?? principal;
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, principal), new(ClaimTypes.Name, name), new(WorkflowClaims.SignInMethod, SignInMethods.Oidc),
        };
        claims.AddRange(Values(token, names.Groups).Select(g => new Claim(WorkflowClaims.Group, g)));
        if (Values(token, names.Organization).FirstOrDefault() is { } organization) claims.Add(new Claim(WorkflowClaims.Organization, organization));
        claims.AddRange(Values(token, names.Roles).Select(r => r.ToLowerInvariant()).Where(Roles.All.Contains).Distinct().Select(r => new Claim(ClaimTypes.Role, r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>A claim's values: one claim per value, or one claim holding a JSON array.</summary>
    private static IEnumerable<string> Values(ClaimsPrincipal token, string type) =>
        token.FindAll(type).SelectMany(c => c.Value.StartsWith('[') ? JsonArray(c.Value) : [c.Value]).Where(v => v.Length > 0);

    private static IEnumerable<string> JsonArray(string json)
    {
        try
        {
            return System.Text.Json.JsonSerializer.Deserialize<string[]>(json) ?? [];
        }
        catch (System.Text.Json.JsonException)
        {
            return [json];
        }
    }
}
