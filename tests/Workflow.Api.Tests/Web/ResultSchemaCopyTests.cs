using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Web;

/// <summary>
/// The web app's unit tests build completion forms from a committed copy of some served result
/// schemas (src/Workflow.Web/src/campaigns/resultSchemas.fixture.json): each must still be what
/// GET /api/v1/activity-descriptors serves, so the forms are tested against the real thing.
/// </summary>
public sealed class ResultSchemaCopyTests(SqliteApiFactory api) : IClassFixture<SqliteApiFactory>
{
    [Fact]
    public async Task EveryCopiedSchema_IsTheServedOne()
    {
        var copyPath = RepositoryFiles.PathOf("src", "Workflow.Web", "src", "campaigns", "resultSchemas.fixture.json");
        var copy = JsonNode.Parse(await File.ReadAllTextAsync(copyPath))!.AsObject();
        var client = await api.ClientAsync("schema-reader", Workflow.Api.Identity.Roles.Auditor);
        var response = await client.GetJsonAsync("/api/v1/activity-descriptors");
        Assert.Equal(HttpStatusCode.OK, response.Status);
        var served = response.Json.EnumerateArray().ToDictionary(d => d.GetProperty("typeName").GetString()!, d => d.GetProperty("resultSchema"));

        var updated = new JsonObject();
        foreach (var (type, schema) in copy)
        {
            Assert.True(served.ContainsKey(type), $"{type} is no longer an activity type");
            var now = JsonNode.Parse(served[type].GetRawText());
            updated[type] = now;
            if (Environment.GetEnvironmentVariable(OpenApiCopyTests.UpdateVariable) != "1")
                Assert.True(JsonNode.DeepEquals(schema, now),
                    $"{copyPath}: the copy of {type} differs from the served schema; rerun with {OpenApiCopyTests.UpdateVariable}=1 to refresh it.");
        }
        Assert.True(copy.Count >= 4);
        if (Environment.GetEnvironmentVariable(OpenApiCopyTests.UpdateVariable) == "1")
            await File.WriteAllTextAsync(copyPath, updated.ToJsonString(new JsonSerializerOptions
            {
                WriteIndented = true,
                IndentSize = 1,
                Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            }) + "\n");
    }
}
