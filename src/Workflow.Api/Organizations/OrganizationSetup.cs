namespace Workflow.Api.Organizations;

public static class OrganizationSetup
{
    public static IServiceCollection AddOrganizations(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton<OrganizationTreeCache>();
        services.AddScoped<AccessScope>();
        return services;
    }

    public static IEndpointRouteBuilder MapOrganizations(this IEndpointRouteBuilder app)
    {
        app.MapOrganizationTree();
        app.MapGroups();
        app.MapRoleGrants();
        return app;
    }
}
