using System.Net;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Web;

/// <summary>
/// The web app's API client is generated from a committed copy of the OpenAPI document
/// (src/Workflow.Web/openapi.json): the copy must be what the API serves, so the client cannot drift.
/// </summary>
public sealed class OpenApiCopyTests(SqliteApiFactory api) : IClassFixture<SqliteApiFactory>
{
    /// <summary>Set to 1 to write the served document over the copy instead of failing.</summary>
    public const string UpdateVariable = "WORKFLOW_UPDATE_OPENAPI";

    [Fact]
    public async Task CommittedCopy_IsTheServedDocument()
    {
        using var client = api.CreateClient();
        using var response = await client.GetAsync("/swagger/v1/swagger.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var served = Normalize(await response.Content.ReadAsStringAsync());

        var copyPath = RepositoryFiles.PathOf("src", "Workflow.Web", "openapi.json");
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            await File.WriteAllTextAsync(copyPath, served);
            return;
        }
        var committed = File.Exists(copyPath) ? Normalize(await File.ReadAllTextAsync(copyPath)) : "";
        Assert.True(served == committed,
            $"{copyPath} is out of date with /swagger/v1/swagger.json. Update it and the client generated from it:\n" +
            $"  {UpdateVariable}=1 dotnet test tests/Workflow.Api.Tests --filter FullyQualifiedName~OpenApiCopyTests\n" +
            "  (cd src/Workflow.Web && npm run generate:api)\nand commit both files.");
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd() + "\n";
}
