using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Campaigns;
using Workflow.Api.Errors;
using Workflow.Api.Identity;
using Workflow.Storage;
using Workflow.Storage.Organizations;

namespace Workflow.Api.Organizations;

/// <summary>
/// /api/v1/role-grants: roles held on a unit and inherited down its subtree, by a principal or a group. Admins of a
/// unit (or above) grant and revoke roles on it; a revoked role is gone at the caller's next request.
/// </summary>
public static class RoleGrantEndpoints
{
    public static RouteGroupBuilder MapRoleGrants(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/role-grants").WithTags("Organizations").ProducesProblem(401);
        group.MapGet("/", List).WithSummary("The role grants on the units the caller may see (filters: organization, principal, group)");
        group.MapPost("/", Grant).WithSummary("Grant a role on a unit to a principal or a group (admins of the unit); granting it again changes nothing")
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(422);
        group.MapDelete("/{id:guid}", Revoke).WithSummary("Revoke a role grant (admins of its unit)").ProducesProblem(403).ProducesProblem(404);
        return group;
    }

    private static async Task<Ok<List<RoleGrantView>>> List(
        string? organization, string? principal, string? group, CampaignDbContext db, AccessScope access, CancellationToken cancellationToken)
    {
        var query = db.RoleGrants.AsNoTracking();
        // A filter no grant can match (not an id, say; PostgreSQL text cannot even hold a NUL) matches nothing, without a query.
        if ((organization is not null && !OrganizationNames.IsIdentifier(organization)) || (group is not null && !OrganizationNames.IsIdentifier(group))
            || (principal is not null && !GroupEndpoints.IsPrincipal(principal)))
            return TypedResults.Ok(new List<RoleGrantView>());
        if (organization is not null) query = query.Where(g => g.OrganizationId == organization);
        if (principal is not null) query = query.Where(g => g.GranteeKind == RoleGrant.ToPrincipal && g.Grantee == principal);
        if (group is not null) query = query.Where(g => g.GranteeKind == RoleGrant.ToGroup && g.Grantee == group);
        var visible = await access.VisibleOrganizationsAsync(cancellationToken);
        var grants = await query.OrderBy(g => g.OrganizationId).ThenBy(g => g.GranteeKind).ThenBy(g => g.Grantee).ThenBy(g => g.Role).ToListAsync(cancellationToken);
        return TypedResults.Ok(grants.Where(g => visible is null || visible.Contains(g.OrganizationId)).Select(View).ToList());
    }

    private static async Task<Results<Created<RoleGrantView>, Ok<RoleGrantView>, ProblemHttpResult>> Grant(
        CreateRoleGrantRequest request, HttpContext context, CampaignDbContext db, AccessScope access, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!RequestActor.TryRead(context, out var actor, out var refusal)) return refusal;
        var principal = request.Principal?.Trim();
        var groupId = request.Group?.Trim();
        if (string.IsNullOrEmpty(principal) == string.IsNullOrEmpty(groupId)) return ApiProblem.Create(context, 400, ProblemCodes.GrantGranteeInvalid);
        if (groupId is { Length: > 0 } && !OrganizationNames.IsIdentifier(groupId))
            return ApiProblem.Create(context, 422, ProblemCodes.GroupNotFound, ("groupId", groupId));
        if (principal is { Length: > 0 } && !GroupEndpoints.IsPrincipal(principal))
            return ApiProblem.Create(context, 400, ProblemCodes.PrincipalInvalid, ("max", GroupMember.PrincipalMaxLength.ToString()));
        var role = request.Role?.Trim() ?? "";
        if (!Roles.All.Contains(role)) return ApiProblem.Create(context, 400, ProblemCodes.GrantRoleUnknown, ("role", role), ("roles", string.Join(", ", Roles.All)));
        var organizationId = request.OrganizationId?.Trim() ?? "";
        if (!OrganizationNames.IsIdentifier(organizationId) || !await db.OrganizationNodes.AnyAsync(n => n.Id == organizationId, cancellationToken) || !await access.CanSeeAsync(organizationId, cancellationToken))
            return ApiProblem.Create(context, 422, ProblemCodes.OrganizationUnknown, ("organization", organizationId));
        if (!await access.HasRoleAsync(Roles.Admin, organizationId, cancellationToken)) return OrganizationProblems.RoleRequired(context, organizationId, Roles.Admin);
        var (kind, grantee) = principal is { Length: > 0 } ? (RoleGrant.ToPrincipal, principal) : (RoleGrant.ToGroup, groupId!);
        var now = UtcTime.Truncate(clock.GetUtcNow());
        return await AdministrationLedger.InTransactionAsync<Results<Created<RoleGrantView>, Ok<RoleGrantView>, ProblemHttpResult>>(db, async token =>
        {
            if (kind == RoleGrant.ToGroup && !await db.OrganizationGroups.AnyAsync(g => g.Id == grantee, token))
                return ApiProblem.Create(context, 422, ProblemCodes.GroupNotFound, ("groupId", grantee));
            var existing = await db.RoleGrants.AsNoTracking().SingleOrDefaultAsync(
                g => g.GranteeKind == kind && g.Grantee == grantee && g.Role == role && g.OrganizationId == organizationId, token);
            if (existing is not null) return TypedResults.Ok(View(existing));
            var grant = new RoleGrant
            {
                Id = Guid.NewGuid(), GranteeKind = kind, Grantee = grantee, Role = role, OrganizationId = organizationId, GrantedAt = now, GrantedBy = actor.Principal,
            };
            db.RoleGrants.Add(grant);
            await AdministrationLedger.AppendAsync(db, new AdministrationLedger.Change(AdministrationLedger.RoleGranted, organizationId, null, role, Describe(grant)),
                actor, now, token);
            await db.SaveChangesAsync(token);
            return TypedResults.Created($"/api/v1/role-grants/{grant.Id}", View(grant));
        }, () => OrganizationProblems.Contended(context), cancellationToken);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Revoke(
        Guid id, HttpContext context, CampaignDbContext db, AccessScope access, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!RequestActor.TryRead(context, out var actor, out var refusal)) return refusal;
        var organizationId = await db.RoleGrants.Where(g => g.Id == id).Select(g => g.OrganizationId).SingleOrDefaultAsync(cancellationToken);
        if (organizationId is null || !await access.CanSeeAsync(organizationId, cancellationToken)) return NotFound(context, id);
        if (!await access.HasRoleAsync(Roles.Admin, organizationId, cancellationToken)) return OrganizationProblems.RoleRequired(context, organizationId, Roles.Admin);
        var now = UtcTime.Truncate(clock.GetUtcNow());
        return await AdministrationLedger.InTransactionAsync<Results<NoContent, ProblemHttpResult>>(db, async token =>
        {
            var grant = await db.RoleGrants.SingleOrDefaultAsync(g => g.Id == id, token);
            if (grant is null) return NotFound(context, id);
            db.RoleGrants.Remove(grant);
            await AdministrationLedger.AppendAsync(db, Revoked(grant), actor, now, token);
            await db.SaveChangesAsync(token);
            return TypedResults.NoContent();
        }, () => OrganizationProblems.Contended(context), cancellationToken);
    }

    internal static AdministrationLedger.Change Revoked(RoleGrant grant) =>
        new(AdministrationLedger.RoleRevoked, grant.OrganizationId, grant.Role, null, Describe(grant));

    private static JsonObject Describe(RoleGrant grant) => new()
    {
        ["grantId"] = grant.Id.ToString("D"), [grant.GranteeKind] = grant.Grantee, ["role"] = grant.Role, ["organizationId"] = grant.OrganizationId,
    };

    private static ProblemHttpResult NotFound(HttpContext context, Guid id) => ApiProblem.Create(context, 404, ProblemCodes.GrantNotFound, ("grantId", id.ToString("D")));

    private static RoleGrantView View(RoleGrant grant) => new(
        grant.Id, grant.GranteeKind == RoleGrant.ToPrincipal ? grant.Grantee : null, grant.GranteeKind == RoleGrant.ToGroup ? grant.Grantee : null,
        grant.Role, grant.OrganizationId, grant.GrantedAt, grant.GrantedBy);
}
