using Microsoft.AspNetCore.Http.HttpResults;
using Workflow.Api.Errors;

namespace Workflow.Api.Organizations;

/// <summary>The refusals of the organization, group and grant endpoints.</summary>
internal static class OrganizationProblems
{
    public static ProblemHttpResult Refused(HttpContext context, int status, OrganizationNames.Refusal refusal) =>
        ApiProblem.Create(context, status, refusal.Code, refusal.Arguments);

    public static ProblemHttpResult NotFound(HttpContext context, string organizationId) =>
        ApiProblem.Create(context, 404, ProblemCodes.OrganizationNotFound, ("organizationId", organizationId));

    public static ProblemHttpResult ParentUnknown(HttpContext context, string organizationId, string parentId) =>
        ApiProblem.Create(context, 422, ProblemCodes.OrganizationParentUnknown, ("organizationId", organizationId), ("parentId", parentId));

    /// <summary>403: the caller lacks the role on the node (null: the root).</summary>
    public static ProblemHttpResult RoleRequired(HttpContext context, string? organizationId, params string[] roles) =>
        ApiProblem.Create(context, 403, ProblemCodes.OrganizationRoleRequired, ("roles", string.Join(" / ", roles)), ("organizationId", organizationId ?? "/"));

    public static ProblemHttpResult Contended(HttpContext context) => ApiProblem.Create(context, 409, ProblemCodes.OrganizationConcurrencyConflict);

    public static ProblemHttpResult TooDeep(HttpContext context, string organizationId) =>
        ApiProblem.Create(context, 422, ProblemCodes.OrganizationTooDeep,
            ("organizationId", organizationId), ("max", Storage.Organizations.OrganizationNode.PathMaxLength.ToString()));
}
