namespace Workflow.Api.Campaigns;

public static class CampaignSetup
{
    public static IServiceCollection AddCampaignCommands(this IServiceCollection services) => services.AddScoped<CampaignCommands>().AddSingleton<AssessmentCache>().AddSingleton<CommandGates>();
}
