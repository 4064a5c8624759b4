namespace Workflow.Api.Webhooks;

public static class WebhookSetup
{
    public static IServiceCollection AddWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<WebhookOptions>(configuration.GetSection("Webhooks"));
        services.AddSingleton<WebhookDispatcher>();
        services.AddSingleton<DispatcherStatus>();
        services.AddHostedService<WebhookDispatcherService>();
        return services;
    }

    public static IEndpointRouteBuilder MapWebhooks(this IEndpointRouteBuilder app) =>
        app.MapWebhookSubscriptions().MapWebhookDeliveries();
}
