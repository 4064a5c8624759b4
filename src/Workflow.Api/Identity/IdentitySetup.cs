using Microsoft.AspNetCore.Authentication;

namespace Workflow.Api.Identity;

public static class IdentitySetup
{
    public static IServiceCollection AddApiKeyIdentity(this IServiceCollection services)
    {
        services.AddAuthentication(ApiKeyAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Roles.CampaignWriters, p => p.RequireRole(Roles.Admin, Roles.Operator))
            .AddPolicy(Roles.TaskWriters, p => p.RequireRole(Roles.Admin, Roles.Operator, Roles.Participant))
            .AddPolicy(Roles.DefinitionWriters, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Roles.WebhookAdmins, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Roles.Auditors, p => p.RequireRole(Roles.Admin, Roles.Auditor));
        services.AddSingleton<ApiKeyCache>();
        services.AddScoped<AdminKeyBootstrap>();
        services.AddScoped<ApiKeyIssuer>();
        return services;
    }
}
