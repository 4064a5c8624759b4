using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Workflow.Storage;

namespace Workflow.Api.Identity;

/// <param name="Principal">The caller's principal: the actor recorded on its ledger entries.</param>
/// <param name="Name">The name to show for the caller (an OIDC user's name, a local account's display name, else the principal).</param>
/// <param name="Roles">The caller's roles (admin, operator, participant, auditor).</param>
/// <param name="Groups">The groups the caller's sign-in names (from the provider's claims).</param>
/// <param name="Organization">The organization node the caller's sign-in names, if any.</param>
/// <param name="SignInMethod">How the caller signed in: apiKey, local or oidc.</param>
/// <param name="CanActForOthers">Whether the caller may act on behalf of others (X-On-Behalf-Of).</param>
/// <param name="Permissions">What the roles allow: startCampaigns/fireTransitions, completeTasks, designDefinitions, readLedger, manageKeys.</param>
public sealed record MeResponse(
    string Principal, string Name, IReadOnlyList<string> Roles, IReadOnlyList<string> Groups, string? Organization, string SignInMethod,
    bool CanActForOthers, MePermissions Permissions);

public sealed record MePermissions(bool StartCampaigns, bool FireTransitions, bool CompleteTasks, bool DesignDefinitions, bool ReadLedger, bool ManageKeys);

/// <summary>Who the caller is and what it may do, so that a client shows only the actions it can take.</summary>
public static class MeEndpoints
{
    public static IEndpointRouteBuilder MapMe(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/me", async (ClaimsPrincipal user, IAuthorizationService authorization, CampaignDbContext db, CancellationToken cancellationToken) =>
        {
            async Task<bool> May(string policy) => (await authorization.AuthorizeAsync(user, policy)).Succeeded;
            var campaigns = await May(Roles.CampaignWriters);
            var principal = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
            var method = user.FindFirstValue(WorkflowClaims.SignInMethod) ?? SignInMethods.ApiKey;
            var name = method == SignInMethods.Local
                ? await db.LocalUsers.AsNoTracking().Where(u => u.UserName == principal).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken)
                : user.FindFirstValue(ClaimTypes.Name);
            return TypedResults.Ok(new MeResponse(
                principal, name ?? principal,
                [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value)],
                [.. user.FindAll(WorkflowClaims.Group).Select(c => c.Value)],
                user.FindFirstValue(WorkflowClaims.Organization),
                method,
                user.HasClaim(ApiKeyAuthentication.ActForOthersClaim, "true"),
                new MePermissions(campaigns, campaigns, await May(Roles.TaskWriters), await May(Roles.DefinitionWriters), await May(Roles.Auditors), await May(Roles.KeyAdmins))));
        })
        .WithTags("Identity").WithSummary("The caller: principal, name, roles, groups, how signed in, and what they allow").ProducesProblem(401);
        return app;
    }
}
