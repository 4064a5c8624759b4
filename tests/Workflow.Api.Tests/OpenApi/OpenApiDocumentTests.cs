using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using System.Text.Json;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.OpenApi;

/// <summary>The OpenAPI document and Swagger UI: served without a key, listing every endpoint with schemas and examples.</summary>
public sealed class OpenApiDocumentTests(SqliteApiFactory api) : IClassFixture<SqliteApiFactory>
{
    private async Task<JsonElement> DocumentAsync()
    {
        using var client = api.CreateClient();
        var response = await client.GetJsonAsync("/swagger/v1/swagger.json");
        Assert.Equal(HttpStatusCode.OK, response.Status);
        return response.Json;
    }

    /// <summary>Each operation has a unique operationId and a description from the catalog, and the catalog names no operation that is gone.</summary>
    [Fact]
    public async Task EveryOperation_HasAUniqueOperationId_AndADescription()
    {
        var document = await DocumentAsync();
        var ids = new List<string>();
        var operations = new List<string>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        foreach (var operation in path.Value.EnumerateObject())
        {
            var name = $"{operation.Name.ToUpperInvariant()} {path.Name}";
            operations.Add(name);
            Assert.True(operation.Value.TryGetProperty("operationId", out var id) && id.GetString() is { Length: > 0 }, $"{name} has no operationId: add it to OperationCatalog");
            Assert.True(operation.Value.TryGetProperty("description", out var description) && description.GetString()!.Length >= 20, $"{name} has no description");
            ids.Add(id.GetString()!);
        }
        Assert.Equal(ids.Distinct().Count(), ids.Count);
        Assert.True(operations.Count >= 60, $"only {operations.Count} operations");
        Assert.Empty(Workflow.Api.OpenApi.OperationCatalog.Entries.Keys.Except(operations));
    }

    [Fact]
    public async Task Document_ListsTheEndpoints_WithoutAKey()
    {
        var document = await DocumentAsync();
        var paths = document.GetProperty("paths");
        string[] expected =
        [
            "/api/v1/campaigns", "/api/v1/campaigns/{id}", "/api/v1/campaigns/{id}/progress", "/api/v1/campaigns/{id}/transitions",
            "/api/v1/campaigns/{id}/diagram", "/api/v1/campaigns/{id}/history", "/api/v1/campaigns/{id}/tasks/{taskId}/complete",
            "/api/v1/campaigns/{id}/tasks/{taskId}/reassign", "/api/v1/tasks", "/api/v1/events", "/api/v1/activity-descriptors",
            "/health/live", "/health/ready",
        ];
        foreach (var path in expected) Assert.True(paths.TryGetProperty(path, out _), $"{path} is missing");

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal(("apiKey", "header", "X-Api-Key"),
            (scheme.GetProperty("type").GetString(), scheme.GetProperty("in").GetString(), scheme.GetProperty("name").GetString()));
        // Health needs no key; the rest do.
        Assert.Equal(0, paths.GetProperty("/health/ready").GetProperty("get").GetProperty("security").GetArrayLength());
        Assert.Contains(document.GetProperty("security").EnumerateArray(), r => r.TryGetProperty("ApiKey", out _));
    }

    [Fact]
    public async Task Document_HasSchemasAndExamples_ForRequestsAndProblems()
    {
        var document = await DocumentAsync();
        var create = document.GetProperty("paths").GetProperty("/api/v1/campaigns").GetProperty("post");
        var body = create.GetProperty("requestBody").GetProperty("content").GetProperty("application/json");
        Assert.Equal("#/components/schemas/CreateCampaignRequest", body.GetProperty("schema").GetProperty("$ref").GetString());
        var example = body.GetProperty("examples").GetProperty("seedCampaign").GetProperty("value");
        Assert.Equal("scientific-outlook-campaign", example.GetProperty("templateId").GetString());
        Assert.Equal(2, example.GetProperty("parameters").GetProperty("partyGroups").GetArrayLength());

        var schemas = document.GetProperty("components").GetProperty("schemas");
        foreach (var name in new[] { "CreateCampaignRequest", "TransitionRequest", "CompleteTaskRequest", "ReassignTaskRequest" })
            Assert.True(schemas.GetProperty(name).TryGetProperty("example", out _), $"{name} has no example");
        Assert.Equal("#/components/schemas/CampaignResponse",
            create.GetProperty("responses").GetProperty("201").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());

        var transitions = document.GetProperty("paths").GetProperty("/api/v1/campaigns/{id}/transitions").GetProperty("post");
        foreach (var status in new[] { "400", "401", "403", "404", "409", "412", "422" })
        {
            var problem = transitions.GetProperty("responses").GetProperty(status).GetProperty("content").GetProperty("application/problem+json");
            Assert.Equal(int.Parse(status), problem.GetProperty("example").GetProperty("status").GetInt32());
            Assert.StartsWith("urn:campaign-workflow:problem:", problem.GetProperty("example").GetProperty("type").GetString());
        }
        var conflict = transitions.GetProperty("responses").GetProperty("409").GetProperty("content").GetProperty("application/problem+json").GetProperty("example");
        Assert.Equal("campaign.trigger_not_permitted", conflict.GetProperty("code").GetString());
        Assert.Equal("pending", conflict.GetProperty("gates")[0].GetProperty("state").GetString());

        var complete = document.GetProperty("paths").GetProperty("/api/v1/campaigns/{id}/tasks/{taskId}/complete").GetProperty("post");
        Assert.True(complete.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("examples").TryGetProperty("review", out _));
        Assert.Contains(complete.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "If-Match");
        Assert.Equal("#/components/schemas/ProgressResponse",
            document.GetProperty("paths").GetProperty("/api/v1/campaigns/{id}/progress").GetProperty("get").GetProperty("responses")
                .GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
    }

    [Fact]
    public async Task Document_TypesTheDraftEndpoints_AndTheirRefusals()
    {
        var paths = (await DocumentAsync()).GetProperty("paths");
        static string Ref(JsonElement operation, string status) =>
            operation.GetProperty("responses").GetProperty(status).GetProperty("content").GetProperty("application/json").GetProperty("schema")
                .GetProperty("$ref").GetString()!;
        foreach (var kind in new[] { "workflows", "templates" })
        {
            var one = paths.GetProperty($"/api/v1/{kind}/drafts/{{draftId}}");
            Assert.Equal("#/components/schemas/DraftView", Ref(one.GetProperty("get"), "200"));
            Assert.Equal("#/components/schemas/DraftView", Ref(one.GetProperty("put"), "200"));
            Assert.Equal("#/components/schemas/DraftView", Ref(paths.GetProperty($"/api/v1/{kind}/drafts").GetProperty("post"), "201"));
            Assert.Equal("#/components/schemas/DraftView",
                paths.GetProperty($"/api/v1/{kind}/drafts").GetProperty("get").GetProperty("responses").GetProperty("200").GetProperty("content")
                    .GetProperty("application/json").GetProperty("schema").GetProperty("items").GetProperty("$ref").GetString());
            var publish = paths.GetProperty($"/api/v1/{kind}/drafts/{{draftId}}/publish").GetProperty("post");
            Assert.Equal("#/components/schemas/DefinitionView", Ref(publish, "201"));
            // The refusals' examples are the drafts' own problems, not the campaigns'.
            string CodeOf(JsonElement operation, string status) => operation.GetProperty("responses").GetProperty(status).GetProperty("content")
                .GetProperty("application/problem+json").GetProperty("example").GetProperty("code").GetString()!;
            Assert.Equal("definition.invalid", CodeOf(publish, "422"));
            Assert.Equal("draft.changed", CodeOf(publish, "412"));
            Assert.Equal("draft.not_found", CodeOf(one.GetProperty("delete"), "404"));
            Assert.Equal("definition.not_object", CodeOf(one.GetProperty("put"), "400"));
        }
    }

    [Fact]
    public async Task SwaggerUi_IsServedWithoutAKey()
    {
        using var client = api.CreateClient();
        using var response = await client.GetAsync("/swagger/index.html");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("swagger-ui", await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// Handlers return typed results (Results&lt;Ok&lt;T&gt;, ProblemHttpResult&gt;, …), so the document's success schemas come from
    /// the code: a handler answering plain IResult would leave its 200 without a schema (a retract's once had none).
    /// </summary>
    [Fact]
    public void EveryApiHandler_ReturnsATypedResult()
    {
        var untyped = new List<string>();
        foreach (var endpoint in api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var route = endpoint.RoutePattern.RawText ?? "";
            if (!route.StartsWith("/api/", StringComparison.Ordinal) && !route.StartsWith("/health", StringComparison.Ordinal)) continue;
            var returned = endpoint.Metadata.GetMetadata<MethodInfo>()?.ReturnType;
            if (returned is { IsGenericType: true } && (returned.GetGenericTypeDefinition() == typeof(Task<>) || returned.GetGenericTypeDefinition() == typeof(ValueTask<>)))
                returned = returned.GetGenericArguments()[0];
            if (returned is null || returned == typeof(IResult) || returned == typeof(object)) untyped.Add($"{endpoint.DisplayName} returns {returned?.Name ?? "?"}");
        }
        Assert.Empty(untyped);
    }

    /// <summary>Every success answer with a body says what the body is.</summary>
    [Fact]
    public async Task EverySuccessWithABody_HasASchema()
    {
        var document = await DocumentAsync();
        var bare = new List<string>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        foreach (var operation in path.Value.EnumerateObject())
        foreach (var response in operation.Value.GetProperty("responses").EnumerateObject())
        {
            if (!response.Name.StartsWith('2') || response.Name is "204" or "202" && !response.Value.TryGetProperty("content", out _)) continue;
            var described = response.Value.TryGetProperty("content", out var content)
                && content.EnumerateObject().All(media => media.Value.TryGetProperty("schema", out _));
            if (!described) bare.Add($"{operation.Name.ToUpperInvariant()} {path.Name} {response.Name}");
        }
        Assert.Empty(bare);
    }

    /// <summary>Schemas carry the record's own name, not the class it is nested in (once CampaignProgressProgressResponse).</summary>
    [Fact]
    public async Task SchemaNames_AreTheRecordsOwnNames()
    {
        var names = (await DocumentAsync()).GetProperty("components").GetProperty("schemas").EnumerateObject().Select(s => s.Name).ToList();
        foreach (var nested in new[] { "ProgressResponse", "DashboardResponse", "FindingsResponse", "WorkItemView", "PageOfLedgerEntryView" })
            Assert.Contains(nested, names);
        Assert.DoesNotContain(names, n => n.Contains("Endpoints", StringComparison.Ordinal) || n.StartsWith("CampaignProgress", StringComparison.Ordinal));
    }
}
