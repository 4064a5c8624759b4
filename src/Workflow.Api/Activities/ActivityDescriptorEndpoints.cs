using Workflow.Engine.Activities;

namespace Workflow.Api.Activities;

/// <summary>The activity catalog, with each result's JSON Schema: what a designer's palette and a task form are built from.</summary>
public static class ActivityDescriptorEndpoints
{
    public static IEndpointRouteBuilder MapActivityDescriptors(this IEndpointRouteBuilder app)
    {
        // Chinese display names as they are, not \u escapes (the same encoder as every other response).
        var catalog = ActivityDescriptorJson.ForCatalog().ToJsonString(new System.Text.Json.JsonSerializerOptions
        {
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
        app.MapGet("/api/v1/activity-descriptors", () => TypedResults.Text(catalog, "application/json; charset=utf-8"))
            .WithTags("Activities").WithSummary("Every activity type: inputs, result fields and their JSON Schema, ports")
            .Produces<System.Text.Json.JsonElement[]>().ProducesProblem(401);
        return app;
    }
}
