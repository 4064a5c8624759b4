using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Campaigns;
using Workflow.Api.Errors;
using Workflow.Api.Identity;
using Workflow.Storage;
using Workflow.Storage.Organizations;

namespace Workflow.Api.Organizations;

/// <summary>/api/v1/groups: groups on units and their members. Admins of a unit (or above) manage the groups on it.</summary>
public static class GroupEndpoints
{
    public static RouteGroupBuilder MapGroups(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/groups").WithTags("Organizations").ProducesProblem(401);
        group.MapGet("/", List).WithSummary("The groups the caller may see, with their members (organization= those on one unit)");
        group.MapGet("/{id}", Get).WithSummary("One group with its members").ProducesProblem(404);
        group.MapPost("/", Create).WithSummary("Create a group on a unit (admins of the unit)")
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(409).ProducesProblem(422);
        group.MapDelete("/{id}", Delete).WithSummary("Delete a group, its memberships and the roles granted to it")
            .ProducesProblem(403).ProducesProblem(404);
        group.MapPost("/{id}/members", AddMember).WithSummary("Add a principal to a group, or change whether it is a lead")
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(404);
        group.MapDelete("/{id}/members/{principal}", RemoveMember).WithSummary("Remove a principal from a group")
            .ProducesProblem(403).ProducesProblem(404);
        return group;
    }

    private static async Task<Ok<List<GroupView>>> List(string? organization, HttpContext context, CampaignDbContext db, AccessScope access, CancellationToken cancellationToken)
    {
        var visible = await access.VisibleOrganizationsAsync(cancellationToken);
        var query = db.OrganizationGroups.AsNoTracking();
        if (organization is not null) query = OrganizationNames.IsIdentifier(organization) ? query.Where(g => g.OrganizationId == organization) : query.Where(g => false);
        var groups = (await query.OrderBy(g => g.Id).ToListAsync(cancellationToken)).Where(g => visible is null || visible.Contains(g.OrganizationId)).ToList();
        var ids = groups.Select(g => g.Id).ToList();
        var members = (await db.GroupMembers.AsNoTracking().Where(m => ids.Contains(m.GroupId)).ToListAsync(cancellationToken)).ToLookup(m => m.GroupId);
        var culture = Messages.Culture(context);
        return TypedResults.Ok(groups.Select(g => View(g, members[g.Id], culture)).ToList());
    }

    private static async Task<Results<Ok<GroupView>, ProblemHttpResult>> Get(string id, HttpContext context, CampaignDbContext db, AccessScope access, CancellationToken cancellationToken)
    {
        var group = OrganizationNames.IsIdentifier(id) ? await db.OrganizationGroups.AsNoTracking().SingleOrDefaultAsync(g => g.Id == id, cancellationToken) : null;
        if (group is null || !await access.CanSeeAsync(group.OrganizationId, cancellationToken)) return NotFound(context, id);
        var members = await db.GroupMembers.AsNoTracking().Where(m => m.GroupId == id).ToListAsync(cancellationToken);
        return TypedResults.Ok(View(group, members, Messages.Culture(context)));
    }

    private static async Task<Results<Created<GroupView>, ProblemHttpResult>> Create(
        CreateGroupRequest request, HttpContext context, CampaignDbContext db, AccessScope access, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!RequestActor.TryRead(context, out var actor, out var refusal)) return refusal;
        var id = request.Id?.Trim() ?? "";
        var badNames = OrganizationNames.FromDisplayNames(request.DisplayNames, out var zh, out var en);
        if ((OrganizationNames.CheckId(id) ?? badNames) is { } invalid)
            return OrganizationProblems.Refused(context, 400, invalid);
        var organizationId = request.OrganizationId?.Trim() ?? "";
        if (!OrganizationNames.IsIdentifier(organizationId) || !await db.OrganizationNodes.AnyAsync(n => n.Id == organizationId, cancellationToken) || !await access.CanSeeAsync(organizationId, cancellationToken))
            return ApiProblem.Create(context, 422, ProblemCodes.OrganizationUnknown, ("organization", organizationId));
        if (!await access.HasRoleAsync(Roles.Admin, organizationId, cancellationToken)) return OrganizationProblems.RoleRequired(context, organizationId, Roles.Admin);
        var now = UtcTime.Truncate(clock.GetUtcNow());
        return await AdministrationLedger.InTransactionAsync<Results<Created<GroupView>, ProblemHttpResult>>(db, async token =>
        {
            if (await db.OrganizationGroups.AnyAsync(g => g.Id == id, token)) return ApiProblem.Create(context, 409, ProblemCodes.GroupExists, ("groupId", id));
            var group = new OrganizationGroup { Id = id, OrganizationId = organizationId, NameZh = zh, NameEn = en, CreatedAt = now };
            db.OrganizationGroups.Add(group);
            await AdministrationLedger.AppendAsync(db, new AdministrationLedger.Change(AdministrationLedger.GroupCreated, organizationId, null, null,
                new JsonObject { ["groupId"] = id, ["nameZh"] = zh, ["nameEn"] = en }), actor, now, token);
            await db.SaveChangesAsync(token);
            return TypedResults.Created($"/api/v1/groups/{id}", View(group, [], Messages.Culture(context)));
        }, () => OrganizationProblems.Contended(context), cancellationToken);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        string id, HttpContext context, CampaignDbContext db, AccessScope access, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!RequestActor.TryRead(context, out var actor, out var refusal)) return refusal;
        if (await ManagedAsync(id, context, db, access, cancellationToken) is { } refused) return refused;
        var now = UtcTime.Truncate(clock.GetUtcNow());
        return await AdministrationLedger.InTransactionAsync<Results<NoContent, ProblemHttpResult>>(db, async token =>
        {
            var group = await db.OrganizationGroups.SingleOrDefaultAsync(g => g.Id == id, token);
            if (group is null) return NotFound(context, id);
            // The roles granted to the group end with it, each on the record.
            foreach (var grant in await db.RoleGrants.Where(g => g.GranteeKind == RoleGrant.ToGroup && g.Grantee == id).ToListAsync(token))
            {
                db.RoleGrants.Remove(grant);
                await AdministrationLedger.AppendAsync(db, RoleGrantEndpoints.Revoked(grant), actor, now, token);
            }
            var members = await db.GroupMembers.Where(m => m.GroupId == id).OrderBy(m => m.Principal).ToListAsync(token);
            db.GroupMembers.RemoveRange(members);
            db.OrganizationGroups.Remove(group);
            await AdministrationLedger.AppendAsync(db, new AdministrationLedger.Change(AdministrationLedger.GroupDeleted, group.OrganizationId, null, null,
                new JsonObject
                {
                    ["groupId"] = id, ["nameZh"] = group.NameZh, ["nameEn"] = group.NameEn,
                    ["members"] = new JsonArray(members.Select(m => (JsonNode)new JsonObject { ["principal"] = m.Principal, ["lead"] = m.IsLead }).ToArray()),
                }), actor, now, token);
            await db.SaveChangesAsync(token);
            return TypedResults.NoContent();
        }, () => OrganizationProblems.Contended(context), cancellationToken);
    }

    private static async Task<Results<Ok<GroupView>, ProblemHttpResult>> AddMember(
        string id, AddGroupMemberRequest request, HttpContext context, CampaignDbContext db, AccessScope access, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!RequestActor.TryRead(context, out var actor, out var refusal)) return refusal;
        var principal = request.Principal?.Trim() ?? "";
        if (!IsPrincipal(principal))
            return ApiProblem.Create(context, 400, ProblemCodes.PrincipalInvalid, ("max", GroupMember.PrincipalMaxLength.ToString()));
        if (await ManagedAsync(id, context, db, access, cancellationToken) is { } refused) return refused;
        var lead = request.Lead ?? false;
        var now = UtcTime.Truncate(clock.GetUtcNow());
        return await AdministrationLedger.InTransactionAsync<Results<Ok<GroupView>, ProblemHttpResult>>(db, async token =>
        {
            var group = await db.OrganizationGroups.SingleOrDefaultAsync(g => g.Id == id, token);
            if (group is null) return NotFound(context, id);
            var member = await db.GroupMembers.SingleOrDefaultAsync(m => m.GroupId == id && m.Principal == principal, token);
            string? kind = null;
            if (member is null)
            {
                db.GroupMembers.Add(new GroupMember { GroupId = id, Principal = principal, IsLead = lead, AddedAt = now });
                kind = AdministrationLedger.MemberAdded;
            }
            else if (member.IsLead != lead)
            {
                member.IsLead = lead;
                kind = AdministrationLedger.MemberChanged;
            }
            if (kind is not null)
            {
                await AdministrationLedger.AppendAsync(db, new AdministrationLedger.Change(kind, group.OrganizationId, null, null,
                    new JsonObject { ["groupId"] = id, ["principal"] = principal, ["lead"] = lead }), actor, now, token);
                await db.SaveChangesAsync(token);
            }
            var members = await db.GroupMembers.AsNoTracking().Where(m => m.GroupId == id).ToListAsync(token);
            return TypedResults.Ok(View(group, members, Messages.Culture(context)));
        }, () => OrganizationProblems.Contended(context), cancellationToken);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveMember(
        string id, string principal, HttpContext context, CampaignDbContext db, AccessScope access, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!RequestActor.TryRead(context, out var actor, out var refusal)) return refusal;
        if (await ManagedAsync(id, context, db, access, cancellationToken) is { } refused) return refused;
        if (!IsPrincipal(principal)) return ApiProblem.Create(context, 404, ProblemCodes.GroupMemberNotFound, ("groupId", id), ("principal", principal));
        var now = UtcTime.Truncate(clock.GetUtcNow());
        return await AdministrationLedger.InTransactionAsync<Results<NoContent, ProblemHttpResult>>(db, async token =>
        {
            var group = await db.OrganizationGroups.SingleOrDefaultAsync(g => g.Id == id, token);
            if (group is null) return NotFound(context, id);
            var member = await db.GroupMembers.SingleOrDefaultAsync(m => m.GroupId == id && m.Principal == principal, token);
            if (member is null) return ApiProblem.Create(context, 404, ProblemCodes.GroupMemberNotFound, ("groupId", id), ("principal", principal));
            db.GroupMembers.Remove(member);
            await AdministrationLedger.AppendAsync(db, new AdministrationLedger.Change(AdministrationLedger.MemberRemoved, group.OrganizationId, null, null,
                new JsonObject { ["groupId"] = id, ["principal"] = principal, ["lead"] = member.IsLead }), actor, now, token);
            await db.SaveChangesAsync(token);
            return TypedResults.NoContent();
        }, () => OrganizationProblems.Contended(context), cancellationToken);
    }

    /// <summary>404 when the caller cannot see the group, 403 when it is no admin of the group's unit; null when it may manage the group.</summary>
    private static async Task<ProblemHttpResult?> ManagedAsync(string id, HttpContext context, CampaignDbContext db, AccessScope access, CancellationToken cancellationToken)
    {
        if (!OrganizationNames.IsIdentifier(id)) return NotFound(context, id);
        var organizationId = await db.OrganizationGroups.Where(g => g.Id == id).Select(g => g.OrganizationId).SingleOrDefaultAsync(cancellationToken);
        if (organizationId is null || !await access.CanSeeAsync(organizationId, cancellationToken)) return NotFound(context, id);
        return await access.HasRoleAsync(Roles.Admin, organizationId, cancellationToken) ? null : OrganizationProblems.RoleRequired(context, organizationId, Roles.Admin);
    }

    internal static bool IsPrincipal(string principal) =>
        principal.Length is > 0 and <= GroupMember.PrincipalMaxLength && !principal.Any(char.IsControl) && Definitions.DefinitionLedger.IsValidText(principal);

    internal static ProblemHttpResult NotFound(HttpContext context, string id) => ApiProblem.Create(context, 404, ProblemCodes.GroupNotFound, ("groupId", id));

    private static GroupView View(OrganizationGroup group, IEnumerable<GroupMember> members, string culture) => new(
        group.Id, group.OrganizationId, OrganizationNames.DisplayNames(group.NameZh, group.NameEn), OrganizationNames.DisplayName(group.NameZh, group.NameEn, culture),
        members.OrderBy(m => m.Principal, StringComparer.Ordinal).Select(m => new GroupMemberView(m.Principal, m.IsLead)).ToList());
}
