using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Workflow.Storage.Identity;

namespace Workflow.Api.Identity;

public static class IdentitySetup
{
    /// <summary>The default scheme: it looks at each request and hands it to the scheme its credential belongs to.</summary>
    public const string SelectorScheme = "Credential";

    public static IServiceCollection AddApiKeyIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        var oidc = configuration.GetSection(OidcOptions.Section).Get<OidcOptions>() ?? new OidcOptions();
        services.AddSingleton(oidc);
        services.Configure<KeyOptions>(configuration.GetSection(KeyOptions.Section));
        var authentication = services.AddAuthentication(SelectorScheme)
            .AddPolicyScheme(SelectorScheme, "API key, session or OpenID Connect token", o => o.ForwardDefaultSelector = context => SchemeFor(context.Request, oidc))
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        if (oidc.Enabled) authentication.AddOidcBearer(oidc);
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Roles.CampaignWriters, p => p.RequireRole(Roles.Admin, Roles.Operator))
            .AddPolicy(Roles.TaskWriters, p => p.RequireRole(Roles.Admin, Roles.Operator, Roles.Participant))
            .AddPolicy(Roles.DefinitionWriters, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Roles.WebhookAdmins, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Roles.KeyAdmins, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Roles.Auditors, p => p.RequireRole(Roles.Admin, Roles.Auditor));
        services.AddSingleton<ApiKeyCache>();
        services.AddScoped<AdminKeyBootstrap>();
        services.AddScoped<ApiKeyIssuer>();
        services.AddScoped<ServiceAccountKeys>();
        services.AddSingleton<IPasswordHasher<LocalUser>, PasswordHasher<LocalUser>>();
        services.AddScoped<LocalAccounts>();
        services.AddScoped<AdminAccountBootstrap>();
        return services;
    }

    /// <summary>
    /// X-Api-Key, or a bearer token shaped like a key or session token (<c>cwk_…</c>, <c>cws_…</c>), is ours to check; any
    /// other bearer token is the provider's JWT when one is configured. No credential goes to the key scheme, whose 401 asks for one.
    /// </summary>
    private static string SchemeFor(HttpRequest request, OidcOptions oidc)
    {
        if (!oidc.Enabled || request.Headers.ContainsKey(ApiKeyAuthentication.Header)) return ApiKeyAuthentication.SchemeName;
        return ApiKeyAuthentication.BearerToken(request) is { Length: > 0 } token && !ApiKeySecrets.LooksLikeOne(token)
            ? OidcAuthentication.SchemeName
            : ApiKeyAuthentication.SchemeName;
    }
}
