using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Api.Identity;
using Workflow.Api.Organizations;
using Workflow.Api.Tests.Definitions;
using Workflow.Api.Tests.Support;
using static Workflow.Api.Tests.Organizations.OrganizationSteps;

namespace Workflow.Api.Tests.Organizations;

/// <summary>
/// Roles granted on a unit hold on its subtree and nowhere beside it, through a group as well as directly, and a
/// revoked grant stops at the next request; campaigns start only on units of the tree, by their operators. On SQLite and PostgreSQL.
/// </summary>
public abstract class AccessScopeTests(ApiFactory api) : IAsyncLifetime
{
    private HttpClient admin = null!;

    public async Task InitializeAsync()
    {
        admin = await api.AdminAsync();
        await ImportTreeAsync(admin);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The resolver as a request of <paramref name="principal"/> with the key roles given sees it.</summary>
    private async Task<T> AsAsync<T>(string principal, string[] keyRoles, Func<AccessScope, Task<T>> ask)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, principal) };
        claims.AddRange(keyRoles.Select(r => new Claim(ClaimTypes.Role, r)));
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext =
            new DefaultHttpContext { User = new ClaimsPrincipal(new ClaimsIdentity(claims, "test")), RequestServices = scope.ServiceProvider };
        return await ask(scope.ServiceProvider.GetRequiredService<AccessScope>());
    }

    [Fact]
    public async Task AnAuditorOfBureauA_SeesItsSubtree_AndNothingBesideIt()
    {
        await GrantAsync(admin, new { principal = "auditor.a", role = Roles.Auditor, organizationId = "bureau-a" });
        var auditor = await api.ClientAsync("auditor.a");
        Assert.Equal(["bureau-a", "office-a", "school-a"], await VisibleUnitsAsync(auditor));
        Assert.Equal(HttpStatusCode.NotFound, (await auditor.GetJsonAsync("/api/v1/organizations/school-b")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await auditor.GetJsonAsync("/api/v1/organizations/district")).Status);
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetJsonAsync("/api/v1/organizations/office-a")).Status);

        var (school, district, bureauB, visible) = await AsAsync("auditor.a", [], async access => (
            await access.HasRoleAsync(Roles.Auditor, "school-a", default), await access.HasRoleAsync(Roles.Auditor, "district", default),
            await access.HasRoleAsync(Roles.Auditor, "bureau-b", default), await access.VisibleOrganizationsAsync(default)));
        Assert.True(school);
        Assert.False(district);
        Assert.False(bureauB);
        Assert.Equal(["bureau-a", "office-a", "school-a"], visible!.Order(StringComparer.Ordinal));
        Assert.False(await AsAsync("auditor.a", [], access => access.HasRoleAsync(Roles.Operator, "school-a", default)));

        // A key's own roles hold at the root: everything, and campaigns whose organization is no unit.
        Assert.Null(await AsAsync("root.auditor", [Roles.Auditor], access => access.VisibleOrganizationsAsync(default)));
        Assert.True(await AsAsync("root.auditor", [Roles.Auditor], access => access.HasRoleAsync(Roles.Auditor, null, default)));
        Assert.False(await AsAsync("auditor.a", [], access => access.HasRoleAsync(Roles.Auditor, null, default)));
    }

    [Fact]
    public async Task AGrantToAGroup_HoldsForItsMembers_AndLeadsAreKnown()
    {
        Assert.Equal(HttpStatusCode.Created, (await admin.PostJsonAsync("/api/v1/groups",
            new { id = "committee-b", organizationId = "bureau-b", displayNames = new Dictionary<string, string> { ["zh-CN"] = "乙局党委", ["en"] = "Party committee B" } })).Status);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostJsonAsync("/api/v1/groups/committee-b/members", new { principal = "member.b", lead = false })).Status);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostJsonAsync("/api/v1/groups/committee-b/members", new { principal = "lead.b", lead = true })).Status);
        await GrantAsync(admin, new { group = "committee-b", role = Roles.Operator, organizationId = "bureau-b" });

        var member = await api.ClientAsync("member.b");
        Assert.Equal(["bureau-b", "school-b"], await VisibleUnitsAsync(member));
        Assert.True(await AsAsync("member.b", [], a => a.HasRoleAsync(Roles.Operator, "school-b", default)));
        Assert.False(await AsAsync("member.b", [], a => a.HasRoleAsync(Roles.Operator, "school-a", default)));
        Assert.True(await AsAsync("member.b", [], a => a.IsMemberAsync("committee-b", default)));
        Assert.False(await AsAsync("member.b", [], a => a.IsLeadAsync("committee-b", default)));
        Assert.True(await AsAsync("lead.b", [], a => a.IsLeadAsync("committee-b", default)));
        Assert.Equal([new AccessScope.Membership("committee-b", true)], await AsAsync("lead.b", [], a => a.GroupsOfAsync(default)));
        Assert.False(await AsAsync("outsider", [], a => a.IsMemberAsync("committee-b", default)));
        Assert.Empty((await AsAsync("outsider", [], a => a.VisibleOrganizationsAsync(default)))!);

        // Removing the member ends what the group gave it at once.
        Assert.Equal(HttpStatusCode.NoContent, (await admin.SendJsonAsync(HttpMethod.Delete, "/api/v1/groups/committee-b/members/member.b", null)).Status);
        Assert.Empty(await VisibleUnitsAsync(member));
        Assert.False(await AsAsync("member.b", [], a => a.IsMemberAsync("committee-b", default)));
    }

    [Fact]
    public async Task ARevokedGrant_StopsAtTheNextRequest()
    {
        var grant = await GrantAsync(admin, new { principal = "auditor.revoked", role = Roles.Auditor, organizationId = "bureau-b" });
        var auditor = await api.ClientAsync("auditor.revoked");
        Assert.Equal(["bureau-b", "school-b"], await VisibleUnitsAsync(auditor));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.SendJsonAsync(HttpMethod.Delete, $"/api/v1/role-grants/{grant}", null)).Status);
        Assert.Empty(await VisibleUnitsAsync(auditor));
        Assert.Equal(HttpStatusCode.NotFound, (await auditor.GetJsonAsync("/api/v1/organizations/school-b")).Status);
    }

    [Fact]
    public async Task AnAdminOfBureauA_ManagesGroupsAndGrantsInItsSubtree_AndNotBesideIt()
    {
        await GrantAsync(admin, new { principal = "admin.a", role = Roles.Admin, organizationId = "bureau-a" });
        var bureauAdmin = await api.ClientAsync("admin.a");
        var names = new Dictionary<string, string> { ["zh-CN"] = "甲校党支部" };
        Assert.Equal(HttpStatusCode.Created, (await bureauAdmin.PostJsonAsync("/api/v1/groups", new { id = "party-group-a", organizationId = "school-a", displayNames = names })).Status);
        Assert.Equal(HttpStatusCode.Created, (await bureauAdmin.PostJsonAsync("/api/v1/role-grants",
            new { principal = "teacher.a", role = Roles.Participant, organizationId = "school-a" })).Status);
        Assert.Equal(HttpStatusCode.OK, (await bureauAdmin.PostJsonAsync("/api/v1/role-grants",
            new { principal = "teacher.a", role = Roles.Participant, organizationId = "school-a" })).Status);
        Assert.Equal(HttpStatusCode.Created, (await bureauAdmin.PostJsonAsync("/api/v1/organizations",
            new { id = "office-a2", parentId = "bureau-a", kind = "office", displayNames = names })).Status);

        var before = await StateAsync(api);
        // Beside its subtree, bureau B is not there for it at all; above it, the district is not its to change.
        Problems.Assert(await bureauAdmin.PostJsonAsync("/api/v1/groups", new { id = "party-group-b", organizationId = "school-b", displayNames = names }),
            HttpStatusCode.UnprocessableEntity, "organization.unknown", "school-b");
        Problems.Assert(await bureauAdmin.PostJsonAsync("/api/v1/role-grants", new { principal = "x", role = Roles.Admin, organizationId = "bureau-b" }),
            HttpStatusCode.UnprocessableEntity, "organization.unknown", "bureau-b");
        Problems.Assert(await bureauAdmin.PostJsonAsync("/api/v1/organizations", new { id = "top2", kind = "district", displayNames = names }),
            HttpStatusCode.Forbidden, "organization.role_required", "admin");
        Problems.Assert(await bureauAdmin.PostJsonAsync("/api/v1/organizations/office-a/move", new { parentId = "bureau-b" }),
            HttpStatusCode.Forbidden, "organization.role_required", "bureau-b");
        Problems.Assert(await bureauAdmin.PostJsonAsync("/api/v1/role-grants", new { principal = "x", group = "g", role = Roles.Admin, organizationId = "bureau-a" }),
            HttpStatusCode.BadRequest, "grant.grantee_invalid", "either principal or group");
        Problems.Assert(await bureauAdmin.PostJsonAsync("/api/v1/role-grants", new { principal = "x", role = "superuser", organizationId = "bureau-a" }),
            HttpStatusCode.BadRequest, "grant.role_unknown", "superuser");
        Problems.Assert(await bureauAdmin.PostJsonAsync("/api/v1/role-grants", new { group = "no-such-group", role = Roles.Admin, organizationId = "bureau-a" }),
            HttpStatusCode.UnprocessableEntity, "group.not_found", "no-such-group");
        Problems.Assert(await bureauAdmin.PostJsonAsync("/api/v1/groups/party-group-a/members", new { principal = "" }),
            HttpStatusCode.BadRequest, "group.principal_invalid", "principal id");
        Assert.Equal(before, await StateAsync(api));
        var groups = await bureauAdmin.GetJsonAsync("/api/v1/groups");
        Assert.Equal(["party-group-a"], groups.Json.EnumerateArray().Select(g => g.GetProperty("id").GetString()!).ToArray());
        Assert.Equal(HttpStatusCode.NoContent, (await bureauAdmin.SendJsonAsync(HttpMethod.Delete, "/api/v1/organizations/office-a2", null)).Status);
    }

    [Fact]
    public async Task ACampaign_StartsOnlyOnAUnit_ByAnOperatorThereOrAbove()
    {
        await GrantAsync(admin, new { principal = "operator.a", role = Roles.Operator, organizationId = "bureau-a" });
        var operatorA = await api.ClientAsync("operator.a");
        object Campaign(string organization) => new
        {
            templateId = "scientific-outlook-campaign", templateVersion = 1, name = "甲校学习实践活动", organization, parameters = SeedData.Parameters,
        };
        await GrantAsync(admin, new { principal = "auditor.school", role = Roles.Auditor, organizationId = "school-a" });
        await GrantAsync(admin, new { principal = "mixed.b", role = Roles.Participant, organizationId = "school-a" });
        await GrantAsync(admin, new { principal = "mixed.b", role = Roles.Operator, organizationId = "bureau-b" });
        var before = await DbState.ReadAsync(api);
        await Problems.RefusedAsync(headers => operatorA.SendJsonAsync(HttpMethod.Post, "/api/v1/campaigns", Campaign("school-b"), headers),
            HttpStatusCode.UnprocessableEntity, "organization.unknown", "'school-b' is not a unit", "不是组织架构中的单位");
        Problems.Assert(await admin.PostJsonAsync("/api/v1/campaigns", Campaign("district-education-bureau")),
            HttpStatusCode.UnprocessableEntity, "organization.unknown", "district-education-bureau");
        Problems.Assert(await operatorA.PostJsonAsync("/api/v1/campaigns", Campaign("district")), HttpStatusCode.UnprocessableEntity, "organization.unknown", "district");
        Problems.Assert(await (await api.ClientAsync("auditor.school", Roles.Operator)).PostJsonAsync("/api/v1/campaigns", Campaign("nowhere")),
            HttpStatusCode.UnprocessableEntity, "organization.unknown", "nowhere");
        // Seeing a unit is not starting campaigns on it: a participant there, operator elsewhere, is refused with 403.
        await Problems.RefusedAsync(async headers => await (await api.ClientAsync("mixed.b")).SendJsonAsync(HttpMethod.Post, "/api/v1/campaigns", Campaign("school-a"), headers),
            HttpStatusCode.Forbidden, "organization.role_required", "operator / admin on school-a", "school-a");
        Problems.Assert(await (await api.ClientAsync("participant.only", Roles.Participant)).PostJsonAsync("/api/v1/campaigns", Campaign("school-a")),
            HttpStatusCode.Forbidden, "auth.forbidden", "roles");
        Assert.Equal(before, await DbState.ReadAsync(api));

        var started = await operatorA.PostJsonAsync("/api/v1/campaigns", Campaign("school-a"));
        Assert.True(started.Status == HttpStatusCode.Created, started.Text);
        Assert.Equal("school-a", started.Json.GetProperty("organization").GetString());
        // A unit with a campaign (and grants) on it stays.
        var inUse = await admin.SendJsonAsync(HttpMethod.Delete, "/api/v1/organizations/school-a", null);
        Problems.Assert(inUse, HttpStatusCode.Conflict, "organization.in_use", "1 campaign(s)");
        Assert.NotEqual("0", inUse.Json.GetProperty("arguments").GetProperty("grants").GetString());
    }
}

public sealed class AccessScopeOnSqlite(SqliteApiFactory api) : AccessScopeTests(api), IClassFixture<SqliteApiFactory>;

[Trait("Database", "PostgreSql")]
public sealed class AccessScopeOnPostgres(PostgresApiFactory api) : AccessScopeTests(api), IClassFixture<PostgresApiFactory>;
