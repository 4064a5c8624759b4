using Workflow.Engine.Activities;

namespace Workflow.Api.Activities;

/// <summary>The activity catalog, with each result's JSON Schema: what a designer's palette and a task form are built from.</summary>
public static class ActivityDescriptorEndpoints
{
    public static IEndpointRouteBuilder MapActivityDescriptors(this IEndpointRouteBuilder app)
    {
        var catalog = ActivityDescriptorJson.ForCatalog().ToJsonString();
        app.MapGet("/api/v1/activity-descriptors", () => TypedResults.Text(catalog, "application/json; charset=utf-8"))
            .WithTags("Activities").WithSummary("Every activity type: inputs, result fields and their JSON Schema, ports");
        return app;
    }
}
