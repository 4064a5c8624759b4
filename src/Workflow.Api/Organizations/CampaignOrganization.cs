using Microsoft.AspNetCore.Http.HttpResults;
using Workflow.Api.Errors;
using Workflow.Api.Identity;

namespace Workflow.Api.Organizations;

/// <summary>
/// Which organization a campaign may be started on. Once there is a tree, only one of its units, and only by an
/// operator or admin there or above. Before any tree (the embedded default, before an import) any name is taken,
/// as it was before there were trees.
/// </summary>
public static class CampaignOrganization
{
    public static readonly string[] StarterRoles = [Roles.Operator, Roles.Admin];

    /// <summary>
    /// 403 (as the role policy answered before there were trees) when the caller holds neither starter role anywhere:
    /// checked first, before the request's fields, so such a caller learns nothing else from its attempts.
    /// </summary>
    public static async Task<ProblemHttpResult?> RefuseNonStarterAsync(HttpContext context, AccessScope access, CancellationToken cancellationToken) =>
        await access.HoldsAnywhereAsync(StarterRoles, cancellationToken) ? null : ApiProblem.Create(context, 403, ProblemCodes.Forbidden);

    /// <summary>The refusal (422 not a unit, 403 not the starter's), or null when the caller may start a campaign on it.</summary>
    public static async Task<ProblemHttpResult?> RefuseAsync(HttpContext context, AccessScope access, string organization, CancellationToken cancellationToken)
    {
        var tree = await access.TreeAsync(cancellationToken);
        if (tree.IsEmpty) return await access.HasAnyRoleAsync(StarterRoles, null, cancellationToken) ? null : ApiProblem.Create(context, 403, ProblemCodes.Forbidden);
        if (!tree.Contains(organization) || !await access.CanSeeAsync(organization, cancellationToken))
            return ApiProblem.Create(context, 422, ProblemCodes.OrganizationUnknown, ("organization", organization));
        return await access.HasAnyRoleAsync(StarterRoles, organization, cancellationToken)
            ? null
            : OrganizationProblems.RoleRequired(context, organization, StarterRoles);
    }
}
