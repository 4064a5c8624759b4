using System.Net;
using Workflow.Api.Identity;
using Workflow.Api.Tests.Definitions;
using Workflow.Api.Tests.Support;
using static Workflow.Api.Tests.Organizations.OrganizationSteps;

namespace Workflow.Api.Tests.Organizations;

/// <summary>The organization tree over HTTP: create, read, rename, move, delete, and every refusal leaving the database as it was. On SQLite and PostgreSQL.</summary>
public abstract class OrganizationTreeTests(ApiFactory api)
{
    private static object Unit(string id, string? parentId, string kind = "office", string zh = "科室", string? en = "Office") =>
        new { id, parentId, kind, displayNames = new Dictionary<string, string?> { ["zh-CN"] = zh, ["en"] = en } };

    [Fact]
    public async Task AUnit_IsCreatedReadRenamedMovedAndDeleted_WithItsPathFollowing()
    {
        var admin = await api.AdminAsync();
        var top = await admin.PostJsonAsync("/api/v1/organizations", Unit("t-district", null, "district", "区", "District"));
        Assert.True(top.Status == HttpStatusCode.Created, top.Text);
        Assert.Equal("/api/v1/organizations/t-district", top.Header("Location"));
        Assert.Equal("/t-district/", top.Json.GetProperty("path").GetString());
        Assert.True((await admin.PostJsonAsync("/api/v1/organizations", Unit("t-bureau", "t-district", "bureau", "局", "Bureau"))).Status == HttpStatusCode.Created);
        Assert.True((await admin.PostJsonAsync("/api/v1/organizations", Unit("t-other", "t-district", "bureau", "另一局", null))).Status == HttpStatusCode.Created);
        var office = await admin.PostJsonAsync("/api/v1/organizations", Unit("t-office", "t-bureau"));
        Assert.Equal("/t-district/t-bureau/t-office/", office.Json.GetProperty("path").GetString());

        var zh = await admin.GetJsonAsync("/api/v1/organizations/t-office", ("Accept-Language", "zh-CN"));
        Assert.Equal("科室", zh.Json.GetProperty("displayName").GetString());
        Assert.Equal("科室", zh.Json.GetProperty("kindDisplayName").GetString());
        Assert.Equal("Office", zh.Json.GetProperty("displayNames").GetProperty("en").GetString());

        var renamed = await admin.SendJsonAsync(HttpMethod.Put, "/api/v1/organizations/t-office",
            new { displayNames = new Dictionary<string, string> { ["zh-CN"] = "办公室", ["en"] = "General office" } });
        Assert.True(renamed.Status == HttpStatusCode.OK, renamed.Text);
        Assert.Equal("General office", renamed.Json.GetProperty("displayName").GetString());

        // Moving the bureau carries its office along; the subtree query then finds it under the new parent.
        var moved = await admin.PostJsonAsync("/api/v1/organizations/t-bureau/move", new { parentId = "t-other" });
        Assert.True(moved.Status == HttpStatusCode.OK, moved.Text);
        Assert.Equal("/t-district/t-other/t-bureau/", moved.Json.GetProperty("path").GetString());
        var under = await admin.GetJsonAsync("/api/v1/organizations?under=t-other");
        Assert.Equal(["t-other", "t-bureau", "t-office"], under.Json.EnumerateArray().Select(n => n.GetProperty("id").GetString()!).ToArray());
        Assert.Equal("/t-district/t-other/t-bureau/t-office/", under.Json[2].GetProperty("path").GetString());

        var inUse = await admin.SendJsonAsync(HttpMethod.Delete, "/api/v1/organizations/t-bureau", null);
        Problems.Assert(inUse, HttpStatusCode.Conflict, "organization.in_use", "1 sub-unit(s)");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.SendJsonAsync(HttpMethod.Delete, "/api/v1/organizations/t-office", null)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetJsonAsync("/api/v1/organizations/t-office")).Status);
    }

    [Fact]
    public async Task MovingAUnitUnderItsOwnSubtree_IsRefused_AndNothingChanges()
    {
        var admin = await api.AdminAsync();
        await admin.PostJsonAsync("/api/v1/organizations", Unit("c-top", null, "district"));
        await admin.PostJsonAsync("/api/v1/organizations", Unit("c-mid", "c-top", "bureau"));
        await admin.PostJsonAsync("/api/v1/organizations", Unit("c-low", "c-mid"));
        var before = await StateAsync(api);
        await Problems.RefusedAsync(headers => admin.SendJsonAsync(HttpMethod.Post, "/api/v1/organizations/c-top/move", new { parentId = "c-low" }, headers),
            HttpStatusCode.Conflict, "organization.cycle", "c-top cannot go under c-low", "不能将 c-top 移到 c-low 之下");
        Problems.Assert(await admin.PostJsonAsync("/api/v1/organizations/c-mid/move", new { parentId = "c-mid" }), HttpStatusCode.Conflict, "organization.cycle", "c-mid");
        Problems.Assert(await admin.PostJsonAsync("/api/v1/organizations/c-mid/move", new { parentId = "nowhere" }),
            HttpStatusCode.UnprocessableEntity, "organization.parent_unknown", "There is no organization nowhere");
        Assert.Equal(before, await StateAsync(api));
    }

    [Fact]
    public async Task BadUnits_Are4xxProblems_AndTheDatabaseIsUnchanged()
    {
        var admin = await api.AdminAsync();
        await admin.PostJsonAsync("/api/v1/organizations", Unit("b-top", null, "district"));
        var before = await StateAsync(api);
        (object Body, HttpStatusCode Status, string Code)[] cases =
        [
            (Unit("b-top", null, "district"), HttpStatusCode.Conflict, "organization.exists"),
            (Unit("b-x", "b-missing"), HttpStatusCode.UnprocessableEntity, "organization.parent_unknown"),
            (Unit("9-starts-with-digit", null), HttpStatusCode.BadRequest, "organization.id_invalid"),
            (Unit("has space", null), HttpStatusCode.BadRequest, "organization.id_invalid"),
            (Unit(new string('a', 65), null), HttpStatusCode.BadRequest, "organization.id_invalid"),
            (Unit("b-kind", null, "ministry"), HttpStatusCode.BadRequest, "organization.kind_unknown"),
            (Unit("b-noname", null, zh: " "), HttpStatusCode.BadRequest, "organization.name_required"),
            (Unit("b-break", null, zh: "第一行\n第二行"), HttpStatusCode.BadRequest, "organization.name_invalid"),
            (Unit("b-nul", null, zh: "名\u0000称"), HttpStatusCode.BadRequest, "request.text_invalid"),
            (new { id = "b-lang", kind = "office", displayNames = new Dictionary<string, string> { ["zh-CN"] = "名", ["fr"] = "nom" } },
                HttpStatusCode.BadRequest, "organization.language_unknown"),
            (new { id = "b-extra", kind = "office", displayNames = new Dictionary<string, string> { ["zh-CN"] = "名" }, colour = "red" },
                HttpStatusCode.BadRequest, "request.unknown_field"),
        ];
        foreach (var (body, status, code) in cases)
        {
            var refused = await admin.PostJsonAsync("/api/v1/organizations", body);
            Problems.NotServerError(refused, code, api.ErrorLog);
            Assert.True(refused.Status == status && refused.ProblemCode == code, $"{code}: {refused.Text}");
        }
        var nul = await admin.PostTextAsync("/api/v1/organizations/b-top/move", "{\"parentId\":\"b\\u0000\"}");
        Assert.True((int)nul.Status is >= 400 and < 500, nul.Text);
        // A stray character in a path, or a NUL in a filter, names nothing (PostgreSQL text could not even hold a NUL): 404, never 500.
        // (A NUL in the path itself never reaches the API: the server refuses such a request line.)
        foreach (var (method, url) in new[]
        {
            ("GET", "/api/v1/organizations/b%01top"), ("GET", "/api/v1/organizations?under=b%00top"), ("PUT", "/api/v1/organizations/b%20top"),
            ("DELETE", "/api/v1/organizations/b%01top"), ("GET", "/api/v1/groups/g%01"), ("DELETE", "/api/v1/groups/g%01/members/p"),
            ("POST", "/api/v1/organizations/b%01top/move"),
        })
        {
            var response = await admin.SendJsonAsync(new HttpMethod(method), url, method switch { "POST" => new { parentId = (string?)null }, "PUT" => new { kind = "office" }, _ => null });
            Problems.NotServerError(response, url, api.ErrorLog);
            Assert.True(response.Status == HttpStatusCode.NotFound, $"{method} {url}: {response.Text}");
        }
        var filtered = await admin.GetJsonAsync("/api/v1/role-grants?principal=p%00&organization=b%00top");
        Assert.Equal(HttpStatusCode.OK, filtered.Status);
        Assert.Equal(0, filtered.Json.GetArrayLength());
        Assert.Equal(0, (await admin.GetJsonAsync("/api/v1/groups?organization=%00")).Json.GetArrayLength());
        Assert.Equal(before, await StateAsync(api));
    }

    [Fact]
    public async Task OnlyAdmins_ChangeTheTree_AndAnOperatorIsRefusedWith403()
    {
        var admin = await api.AdminAsync();
        await admin.PostJsonAsync("/api/v1/organizations", Unit("o-top", null, "district"));
        var before = await StateAsync(api);
        var operatorClient = await api.ClientAsync("tree-operator", Roles.Operator);
        await Problems.RefusedAsync(headers => operatorClient.SendJsonAsync(HttpMethod.Post, "/api/v1/organizations", Unit("o-new", "o-top"), headers),
            HttpStatusCode.Forbidden, "organization.role_required", "admin on o-top", "o-top");
        Problems.Assert(await operatorClient.SendJsonAsync(HttpMethod.Delete, "/api/v1/organizations/o-top", null), HttpStatusCode.Forbidden, "organization.role_required", "admin");
        Problems.Assert(await ImportAsync(operatorClient, TreeCsv), HttpStatusCode.Forbidden, "organization.role_required", "admin");
        Assert.Equal(before, await StateAsync(api));
    }
}

public sealed class OrganizationTreeOnSqlite(SqliteApiFactory api) : OrganizationTreeTests(api), IClassFixture<SqliteApiFactory>;

[Trait("Database", "PostgreSql")]
public sealed class OrganizationTreeOnPostgres(PostgresApiFactory api) : OrganizationTreeTests(api), IClassFixture<PostgresApiFactory>;
