using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Tests.Support;
using Workflow.Storage.History;

namespace Workflow.Api.Tests.Organizations;

/// <summary>A small district with two bureaus, imported as a root admin would, and what the tests read back.</summary>
internal static class OrganizationSteps
{
    public const string TreeCsv = """
        id,parent,kind,name_zh,name_en
        district,,district,某区,The District
        bureau-a,district,bureau,甲局,Bureau A
        office-a,bureau-a,office,甲局办公室,Office A
        school-a,bureau-a,school,"甲校, 一分校",School A
        bureau-b,district,bureau,乙局,Bureau B
        school-b,bureau-b,school,乙校,School B
        """;

    public static async Task<ApiResponse> ImportAsync(HttpClient admin, string csv, string contentType = "text/csv") =>
        await admin.PostTextAsync("/api/v1/organizations/import", csv, contentType);

    public static async Task ImportTreeAsync(HttpClient admin)
    {
        var imported = await ImportAsync(admin, TreeCsv);
        Assert.True(imported.Status == HttpStatusCode.OK, imported.Text);
    }

    public static async Task<string> GrantAsync(HttpClient admin, object grant)
    {
        var granted = await admin.PostJsonAsync("/api/v1/role-grants", grant);
        Assert.True(granted.Status is HttpStatusCode.Created or HttpStatusCode.OK, granted.Text);
        return granted.Json.GetProperty("id").GetString()!;
    }

    public static async Task<string[]> VisibleUnitsAsync(HttpClient client)
    {
        var listed = await client.GetJsonAsync("/api/v1/organizations");
        Assert.True(listed.Status == HttpStatusCode.OK, listed.Text);
        return listed.Json.EnumerateArray().Select(n => n.GetProperty("id").GetString()!).Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>Everything the tree, groups and grants hold, with the administration stream's length: equal means nothing was written.</summary>
    public static Task<string> StateAsync(ApiFactory api) => api.DbAsync(async db =>
    {
        var nodes = await db.OrganizationNodes.AsNoTracking().OrderBy(n => n.Id).Select(n => $"{n.Id}|{n.ParentId}|{n.Kind}|{n.NameZh}|{n.NameEn}|{n.Path}").ToListAsync();
        var groups = await db.OrganizationGroups.AsNoTracking().OrderBy(g => g.Id).Select(g => g.Id + "|" + g.OrganizationId).ToListAsync();
        var members = await db.GroupMembers.AsNoTracking().OrderBy(m => m.GroupId).ThenBy(m => m.Principal).Select(m => m.GroupId + "|" + m.Principal + "|" + m.IsLead).ToListAsync();
        var grants = await db.RoleGrants.AsNoTracking().OrderBy(g => g.Grantee).ThenBy(g => g.Role).Select(g => g.Grantee + "|" + g.Role + "|" + g.OrganizationId).ToListAsync();
        var entries = await db.History.AsNoTracking().CountAsync(h => h.CampaignId == LedgerStream.Administration);
        return string.Join("\n", nodes.Concat(groups).Concat(members).Concat(grants).Append($"entries={entries}"));
    });

    public static Task<List<HistoryEntry>> AdministrationEntriesAsync(ApiFactory api) =>
        api.DbAsync(db => db.History.AsNoTracking().Where(h => h.CampaignId == LedgerStream.Administration).OrderBy(h => h.Sequence).ToListAsync());

    public static string[] Codes(JsonElement problem) =>
        problem.GetProperty("errors").EnumerateArray().Select(e => $"{e.GetProperty("line").GetInt32()}:{e.GetProperty("code").GetString()}").ToArray();
}
