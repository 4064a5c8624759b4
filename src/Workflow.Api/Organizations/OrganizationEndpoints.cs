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
/// /api/v1/organizations: the tree of units. Anyone reads the part of it they may see; changing a unit needs the
/// admin role on it (creating one, on its parent; moving one, on both ends; the top level is the root's).
/// </summary>
public static class OrganizationEndpoints
{
    public static RouteGroupBuilder MapOrganizationTree(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/organizations").WithTags("Organizations").ProducesProblem(401);
        group.MapGet("/", List).WithSummary("The organization tree, top down (under= one unit's subtree)").ProducesProblem(404);
        group.MapGet("/{id}", Get).WithSummary("One unit of the organization tree").ProducesProblem(404);
        group.MapPost("/", Create).WithSummary("Add a unit to the organization tree (admins of its parent)")
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(409).ProducesProblem(422);
        group.MapPut("/{id}", Update).WithSummary("Rename a unit or change its kind (admins of the unit)")
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        group.MapPost("/{id}/move", Move).WithSummary("Move a unit and its subtree under another unit, or to the top level")
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
        group.MapDelete("/{id}", Delete).WithSummary("Delete a unit that has no sub-units, campaigns, groups or grants")
            .ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        group.MapOrganizationImport();
        return group;
    }

    internal static OrganizationView View(OrganizationNode node, string culture) => new(
        node.Id, node.ParentId, node.Kind, OrganizationKinds.DisplayName(node.Kind, culture) ?? node.Kind,
        OrganizationNames.DisplayNames(node.NameZh, node.NameEn), OrganizationNames.DisplayName(node.NameZh, node.NameEn, culture), node.Path);

    private static async Task<Results<Ok<List<OrganizationView>>, ProblemHttpResult>> List(
        string? under, HttpContext context, CampaignDbContext db, AccessScope access, CancellationToken cancellationToken)
    {
        var query = db.OrganizationNodes.AsNoTracking();
        if (under is not null)
        {
            if (!OrganizationNames.IsIdentifier(under)) return OrganizationProblems.NotFound(context, under);
            var top = await db.OrganizationNodes.AsNoTracking().SingleOrDefaultAsync(n => n.Id == under, cancellationToken);
            if (top is null || !await access.CanSeeAsync(top.Id, cancellationToken)) return OrganizationProblems.NotFound(context, under);
            // The materialized path makes a subtree one prefix query on its index.
            query = query.Where(n => n.Path.StartsWith(top.Path));
        }
        var visible = await access.VisibleOrganizationsAsync(cancellationToken);
        var nodes = await query.OrderBy(n => n.Path).ToListAsync(cancellationToken);
        var culture = Messages.Culture(context);
        return TypedResults.Ok(nodes.Where(n => visible is null || visible.Contains(n.Id)).OrderBy(n => n.Path, StringComparer.Ordinal)
            .Select(n => View(n, culture)).ToList());
    }

    private static async Task<Results<Ok<OrganizationView>, ProblemHttpResult>> Get(
        string id, HttpContext context, CampaignDbContext db, AccessScope access, CancellationToken cancellationToken)
    {
        var node = OrganizationNames.IsIdentifier(id) ? await db.OrganizationNodes.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id, cancellationToken) : null;
        if (node is null || !await access.CanSeeAsync(id, cancellationToken)) return OrganizationProblems.NotFound(context, id);
        return TypedResults.Ok(View(node, Messages.Culture(context)));
    }

    private static async Task<Results<Created<OrganizationView>, ProblemHttpResult>> Create(
        CreateOrganizationRequest request, HttpContext context, CampaignDbContext db, AccessScope access, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!RequestActor.TryRead(context, out var actor, out var refusal)) return refusal;
        var id = request.Id?.Trim() ?? "";
        var parentId = string.IsNullOrWhiteSpace(request.ParentId) ? null : request.ParentId.Trim();
        var badNames = OrganizationNames.FromDisplayNames(request.DisplayNames, out var zh, out var en);
        if ((OrganizationNames.CheckId(id) ?? OrganizationNames.CheckKind(request.Kind) ?? badNames) is { } invalid)
            return OrganizationProblems.Refused(context, 400, invalid);
        if (parentId is not null && !OrganizationNames.IsIdentifier(parentId)) return OrganizationProblems.ParentUnknown(context, id, parentId);
        if (!await access.HasRoleAsync(Roles.Admin, parentId, cancellationToken)) return OrganizationProblems.RoleRequired(context, parentId, Roles.Admin);
        var now = UtcTime.Truncate(clock.GetUtcNow());
        return await AdministrationLedger.InTransactionAsync<Results<Created<OrganizationView>, ProblemHttpResult>>(db, async token =>
        {
            string? parentPath = null;
            if (parentId is not null)
            {
                parentPath = await db.OrganizationNodes.Where(n => n.Id == parentId).Select(n => n.Path).SingleOrDefaultAsync(token);
                if (parentPath is null) return OrganizationProblems.ParentUnknown(context, id, parentId);
            }
            if (await db.OrganizationNodes.AnyAsync(n => n.Id == id, token))
                return ApiProblem.Create(context, 409, ProblemCodes.OrganizationExists, ("organizationId", id));
            var path = OrganizationNode.PathOf(parentPath, id);
            if (path.Length > OrganizationNode.PathMaxLength) return OrganizationProblems.TooDeep(context, id);
            var node = new OrganizationNode
            {
                Id = id, ParentId = parentId, Kind = request.Kind!, NameZh = zh, NameEn = en, Path = path, CreatedAt = now, UpdatedAt = now,
            };
            db.OrganizationNodes.Add(node);
            await AdministrationLedger.AppendAsync(db, Created(node), actor, now, token);
            await db.SaveChangesAsync(token);
            return TypedResults.Created($"/api/v1/organizations/{id}", View(node, Messages.Culture(context)));
        }, () => OrganizationProblems.Contended(context), cancellationToken);
    }

    private static async Task<Results<Ok<OrganizationView>, ProblemHttpResult>> Update(
        string id, UpdateOrganizationRequest request, HttpContext context, CampaignDbContext db, AccessScope access, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (!RequestActor.TryRead(context, out var actor, out var refusal)) return refusal;
        if (!await access.CanSeeAsync(id, cancellationToken) || !await ExistsAsync(db, id, cancellationToken)) return OrganizationProblems.NotFound(context, id);
        if (!await access.HasRoleAsync(Roles.Admin, id, cancellationToken)) return OrganizationProblems.RoleRequired(context, id, Roles.Admin);
        if (request.Kind is not null && OrganizationNames.CheckKind(request.Kind) is { } badKind) return OrganizationProblems.Refused(context, 400, badKind);
        string? zh = null, en = null;
        if (request.DisplayNames is not null && OrganizationNames.FromDisplayNames(request.DisplayNames, out zh, out en) is { } badNames)
            return OrganizationProblems.Refused(context, 400, badNames);
        var now = UtcTime.Truncate(clock.GetUtcNow());
        return await AdministrationLedger.InTransactionAsync<Results<Ok<OrganizationView>, ProblemHttpResult>>(db, async token =>
        {
            var node = await db.OrganizationNodes.SingleOrDefaultAsync(n => n.Id == id, token);
            if (node is null) return OrganizationProblems.NotFound(context, id);
            if (Changed(node, request.Kind ?? node.Kind, zh ?? node.NameZh, en ?? node.NameEn) is { } change)
            {
                node.UpdatedAt = now;
                await AdministrationLedger.AppendAsync(db, change, actor, now, token);
                await db.SaveChangesAsync(token);
            }
            return TypedResults.Ok(View(node, Messages.Culture(context)));
        }, () => OrganizationProblems.Contended(context), cancellationToken);
    }

    private static async Task<Results<Ok<OrganizationView>, ProblemHttpResult>> Move(
        string id, MoveOrganizationRequest request, HttpContext context, CampaignDbContext db, AccessScope access, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (!RequestActor.TryRead(context, out var actor, out var refusal)) return refusal;
        var parentId = string.IsNullOrWhiteSpace(request.ParentId) ? null : request.ParentId.Trim();
        if (!await access.CanSeeAsync(id, cancellationToken) || !await ExistsAsync(db, id, cancellationToken)) return OrganizationProblems.NotFound(context, id);
        if (parentId is not null && !OrganizationNames.IsIdentifier(parentId)) return OrganizationProblems.ParentUnknown(context, id, parentId);
        if (!await access.HasRoleAsync(Roles.Admin, id, cancellationToken)) return OrganizationProblems.RoleRequired(context, id, Roles.Admin);
        if (!await access.HasRoleAsync(Roles.Admin, parentId, cancellationToken)) return OrganizationProblems.RoleRequired(context, parentId, Roles.Admin);
        var now = UtcTime.Truncate(clock.GetUtcNow());
        return await AdministrationLedger.InTransactionAsync<Results<Ok<OrganizationView>, ProblemHttpResult>>(db, async token =>
        {
            var node = await db.OrganizationNodes.SingleOrDefaultAsync(n => n.Id == id, token);
            if (node is null) return OrganizationProblems.NotFound(context, id);
            string? parentPath = null;
            if (parentId is not null)
            {
                parentPath = await db.OrganizationNodes.Where(n => n.Id == parentId).Select(n => n.Path).SingleOrDefaultAsync(token);
                if (parentPath is null) return OrganizationProblems.ParentUnknown(context, id, parentId);
                if (parentPath.StartsWith(node.Path, StringComparison.Ordinal))
                    return ApiProblem.Create(context, 409, ProblemCodes.OrganizationCycle, ("organizationId", id), ("parentId", parentId));
            }
            if (node.ParentId == parentId) return TypedResults.Ok(View(node, Messages.Culture(context)));
            var oldPath = node.Path;
            var newPath = OrganizationNode.PathOf(parentPath, id);
            var subtree = await db.OrganizationNodes.Where(n => n.Path.StartsWith(oldPath)).ToListAsync(token);
            foreach (var moved in subtree.Where(n => n.Path.StartsWith(oldPath, StringComparison.Ordinal)))
            {
                moved.Path = newPath + moved.Path[oldPath.Length..];
                if (moved.Path.Length > OrganizationNode.PathMaxLength) return OrganizationProblems.TooDeep(context, moved.Id);
            }
            var before = node.ParentId;
            node.ParentId = parentId;
            node.UpdatedAt = now;
            await AdministrationLedger.AppendAsync(db, Moved(node, before), actor, now, token);
            await db.SaveChangesAsync(token);
            return TypedResults.Ok(View(node, Messages.Culture(context)));
        }, () => OrganizationProblems.Contended(context), cancellationToken);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        string id, HttpContext context, CampaignDbContext db, AccessScope access, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!RequestActor.TryRead(context, out var actor, out var refusal)) return refusal;
        if (!await access.CanSeeAsync(id, cancellationToken) || !await ExistsAsync(db, id, cancellationToken)) return OrganizationProblems.NotFound(context, id);
        if (!await access.HasRoleAsync(Roles.Admin, id, cancellationToken)) return OrganizationProblems.RoleRequired(context, id, Roles.Admin);
        var now = UtcTime.Truncate(clock.GetUtcNow());
        return await AdministrationLedger.InTransactionAsync<Results<NoContent, ProblemHttpResult>>(db, async token =>
        {
            var node = await db.OrganizationNodes.SingleOrDefaultAsync(n => n.Id == id, token);
            if (node is null) return OrganizationProblems.NotFound(context, id);
            var children = await db.OrganizationNodes.CountAsync(n => n.ParentId == id, token);
            var campaigns = await db.Campaigns.CountAsync(c => c.Organization == id, token);
            var groups = await db.OrganizationGroups.CountAsync(g => g.OrganizationId == id, token);
            var grants = await db.RoleGrants.CountAsync(g => g.OrganizationId == id, token);
            if (children + campaigns + groups + grants > 0)
                return ApiProblem.Create(context, 409, ProblemCodes.OrganizationInUse, ("organizationId", id), ("children", children.ToString()),
                    ("campaigns", campaigns.ToString()), ("groups", groups.ToString()), ("grants", grants.ToString()));
            db.OrganizationNodes.Remove(node);
            await AdministrationLedger.AppendAsync(db, new AdministrationLedger.Change(AdministrationLedger.OrganizationDeleted, id, node.ParentId, null,
                Describe(node)), actor, now, token);
            await db.SaveChangesAsync(token);
            return TypedResults.NoContent();
        }, () => OrganizationProblems.Contended(context), cancellationToken);
    }

    private static async Task<bool> ExistsAsync(CampaignDbContext db, string id, CancellationToken cancellationToken) =>
        OrganizationNames.IsIdentifier(id) && await db.OrganizationNodes.AnyAsync(n => n.Id == id, cancellationToken);

    /// <summary>The node as a ledger entry records it.</summary>
    internal static JsonObject Describe(OrganizationNode node) => new()
    {
        ["organizationId"] = node.Id, ["parentId"] = node.ParentId, ["nodeKind"] = node.Kind, ["nameZh"] = node.NameZh, ["nameEn"] = node.NameEn,
        ["path"] = node.Path,
    };

    internal static AdministrationLedger.Change Created(OrganizationNode node) =>
        new(AdministrationLedger.OrganizationCreated, node.Id, null, node.ParentId, Describe(node));

    internal static AdministrationLedger.Change Moved(OrganizationNode node, string? formerParent)
    {
        var details = Describe(node);
        details["formerParentId"] = formerParent;
        return new(AdministrationLedger.OrganizationMoved, node.Id, formerParent, node.ParentId, details);
    }

    /// <summary>Sets the kind and names; the ledger entry of the change, or null when they were these already.</summary>
    internal static AdministrationLedger.Change? Changed(OrganizationNode node, string kind, string zh, string en)
    {
        if (node.Kind == kind && node.NameZh == zh && node.NameEn == en) return null;
        var before = Describe(node);
        (node.Kind, node.NameZh, node.NameEn) = (kind, zh, en);
        var details = Describe(node);
        details["before"] = before;
        return new(AdministrationLedger.OrganizationUpdated, node.Id, null, null, details);
    }
}
