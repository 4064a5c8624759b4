namespace Workflow.Api.Definitions;

public static class DefinitionSetup
{
    public static IServiceCollection AddDefinitionCatalog(this IServiceCollection services)
    {
        services.AddSingleton<DefinitionCatalog>();
        services.AddScoped<DefinitionImporter>();
        services.AddScoped<DefinitionPublisher>();
        services.AddSingleton(TimeProvider.System);
        return services;
    }
}
