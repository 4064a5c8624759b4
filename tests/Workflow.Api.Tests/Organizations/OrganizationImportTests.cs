using System.Net;
using Workflow.Api.Tests.Support;
using static Workflow.Api.Tests.Organizations.OrganizationSteps;

namespace Workflow.Api.Tests.Organizations;

/// <summary>Importing the tree from CSV and JSON: all or nothing, every bad line in one problem, and a re-import of the same file a no-op. On SQLite and PostgreSQL.</summary>
public abstract class OrganizationImportTests(ApiFactory api)
{
    [Fact]
    public async Task ACsvImport_BuildsTheTree_AndImportingItAgainChangesAndRecordsNothing()
    {
        var admin = await api.AdminAsync();
        var first = await ImportAsync(admin, TreeCsv);
        Assert.True(first.Status == HttpStatusCode.OK, first.Text);
        Assert.Equal(6, first.Json.GetProperty("created").GetInt32());
        var school = await admin.GetJsonAsync("/api/v1/organizations/school-a", ("Accept-Language", "zh-CN"));
        Assert.Equal("甲校, 一分校", school.Json.GetProperty("displayName").GetString());
        Assert.Equal("/district/bureau-a/school-a/", school.Json.GetProperty("path").GetString());
        var after = await StateAsync(api);
        var entries = (await AdministrationEntriesAsync(api)).Count;

        var again = await ImportAsync(admin, TreeCsv);
        Assert.True(again.Status == HttpStatusCode.OK, again.Text);
        Assert.Equal((0, 0, 0, 6), (again.Json.GetProperty("created").GetInt32(), again.Json.GetProperty("updated").GetInt32(),
            again.Json.GetProperty("moved").GetInt32(), again.Json.GetProperty("unchanged").GetInt32()));
        Assert.Equal(after, await StateAsync(api));
        Assert.Equal(entries, (await AdministrationEntriesAsync(api)).Count);

        // The same units as JSON, one renamed and one moved: only those two change, each with its entry.
        var json = """
            [
              {"id": "district", "parent": null, "kind": "district", "name_zh": "某区", "name_en": "The District"},
              {"id": "school-b", "parent": "bureau-a", "kind": "school", "name_zh": "乙校", "name_en": "School B"},
              {"id": "office-a", "parent": "bureau-a", "kind": "office", "name_zh": "甲局综合科", "name_en": "Office A"}
            ]
            """;
        var changed = await ImportAsync(admin, json, "application/json");
        Assert.True(changed.Status == HttpStatusCode.OK, changed.Text);
        Assert.Equal((0, 1, 1, 1), (changed.Json.GetProperty("created").GetInt32(), changed.Json.GetProperty("updated").GetInt32(),
            changed.Json.GetProperty("moved").GetInt32(), changed.Json.GetProperty("unchanged").GetInt32()));
        Assert.Equal("/district/bureau-a/school-b/", (await admin.GetJsonAsync("/api/v1/organizations/school-b")).Json.GetProperty("path").GetString());
        var kinds = (await AdministrationEntriesAsync(api)).Skip(entries).Select(e => e.Kind).Order().ToArray();
        Assert.Equal(["organization.moved", "organization.updated"], kinds);
    }

    [Fact]
    public async Task ABadCsv_IsRefusedWholly_WithEveryBadLineAndItsNumber()
    {
        var admin = await api.AdminAsync();
        var before = await StateAsync(api);
        var csv = "id,parent,kind,name_zh,name_en\n" +
                  "x-top,,district,区,District\n" +          // 2: fine, but not written
                  "x-top,,district,区,District\n" +          // 3: twice
                  "x-a,x-nowhere,bureau,局,Bureau\n" +        // 4: unknown parent
                  "x-b,x-top,ministry,部,Ministry\n" +        // 5: unknown kind
                  "x-c,x-top,office,\"未闭合,Office\n" +      // 6: quote left open
                  "x-d,x-top,office,科\u0000室,Office\n" +    // 7: NUL in a name
                  "x-e,x-top,office\n" +                      // 8: too few fields
                  "1x,x-top,office,科,Office\n";              // 9: not an id
        var refused = await ImportAsync(admin, csv);
        Problems.Assert(refused, HttpStatusCode.BadRequest, "organization.import_invalid", "7 bad line(s)");
        Assert.Equal(["3:organization.import_duplicate", "4:organization.parent_unknown", "5:organization.kind_unknown", "6:organization.import_line_invalid",
            "7:organization.name_invalid", "8:organization.import_line_invalid", "9:organization.id_invalid"], Codes(refused.Json));
        var zh = await admin.PostTextAsync("/api/v1/organizations/import", csv, "text/csv", ("Accept-Language", "zh-CN"));
        Assert.Contains("未做任何更改", zh.Json.GetProperty("detail").GetString());
        Assert.Contains("不存在", zh.Json.GetProperty("errors")[1].GetProperty("message").GetString());
        Assert.Equal(before, await StateAsync(api));
    }

    [Fact]
    public async Task ACycleInTheFile_OrBadJson_OrAnotherMediaType_IsRefused_AndNothingIsWritten()
    {
        var admin = await api.AdminAsync();
        var before = await StateAsync(api);
        var cycle = "id,parent,kind,name_zh,name_en\ny-a,y-c,bureau,甲,A\ny-b,y-a,office,乙,B\ny-c,y-b,office,丙,C\ny-d,,district,丁,D\n";
        var refused = await ImportAsync(admin, cycle);
        Problems.Assert(refused, HttpStatusCode.BadRequest, "organization.import_invalid", "3 bad line(s)");
        Assert.Equal(["2:organization.cycle", "3:organization.cycle", "4:organization.cycle"], Codes(refused.Json));

        var json = "[\n  {\"id\": \"z-a\", \"kind\": \"district\", \"name_zh\": \"区\"},\n  {\"id\": \"z-b\", \"kind\": 7, \"name_zh\": \"局\"},\n  \"z-c\"\n]";
        var badJson = await ImportAsync(admin, json, "application/json");
        Problems.Assert(badJson, HttpStatusCode.BadRequest, "organization.import_invalid", "2 bad line(s)");
        Assert.Equal(["3:organization.import_line_invalid", "4:organization.import_line_invalid"], Codes(badJson.Json));
        Problems.Assert(await ImportAsync(admin, "[{\"id\": \"z-a\",", "application/json"), HttpStatusCode.BadRequest, "organization.import_invalid", "1 bad line(s)");
        Problems.Assert(await ImportAsync(admin, "", "text/csv"), HttpStatusCode.BadRequest, "organization.import_invalid", "1 bad line(s)");
        Problems.Assert(await ImportAsync(admin, "id,parent\n", "text/csv"), HttpStatusCode.BadRequest, "organization.import_invalid", "1 bad line(s)");
        Problems.Assert(await ImportAsync(admin, "<units/>", "application/xml"), HttpStatusCode.UnsupportedMediaType, "request.media_type_unsupported", "Send the");
        var nul = await ImportAsync(admin, "[{\"id\": \"z-a\", \"kind\": \"district\", \"name_zh\": \"区\\u0000\"}]", "application/json");
        Problems.NotServerError(nul, "NUL in JSON", api.ErrorLog);
        Assert.Equal(HttpStatusCode.BadRequest, nul.Status);
        Assert.Equal(before, await StateAsync(api));
    }

    [Fact]
    public async Task TheSameFile_ImportedFourTimesAtOnce_IsWrittenOnce()
    {
        var admin = await api.AdminAsync();
        var entries = (await AdministrationEntriesAsync(api)).Count;
        var csv = "id,parent,kind,name_zh,name_en\nw-top,,district,区,District\nw-a,w-top,bureau,局,Bureau\nw-b,w-a,school,校,School\n";
        var imports = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => ImportAsync(admin, csv)));
        Assert.All(imports, i => Assert.True(i.Status == HttpStatusCode.OK, i.Text));
        Assert.Equal(3, imports.Sum(i => i.Json.GetProperty("created").GetInt32()));
        Assert.Equal(9, imports.Sum(i => i.Json.GetProperty("unchanged").GetInt32()));
        Assert.Equal(entries + 3, (await AdministrationEntriesAsync(api)).Count);
    }
}

public sealed class OrganizationImportOnSqlite(SqliteApiFactory api) : OrganizationImportTests(api), IClassFixture<SqliteApiFactory>;

[Trait("Database", "PostgreSql")]
public sealed class OrganizationImportOnPostgres(PostgresApiFactory api) : OrganizationImportTests(api), IClassFixture<PostgresApiFactory>;
