using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace Workflow.Api.Identity;

/// <param name="Principal">The key's principal: the actor recorded on its ledger entries.</param>
/// <param name="Roles">The key's roles (admin, operator, participant, auditor).</param>
/// <param name="CanActForOthers">Whether the key may act on behalf of others (X-On-Behalf-Of).</param>
/// <param name="Permissions">What the roles allow: startCampaigns/fireTransitions, completeTasks, designDefinitions, readLedger.</param>
public sealed record MeResponse(string Principal, IReadOnlyList<string> Roles, bool CanActForOthers, MePermissions Permissions);

public sealed record MePermissions(bool StartCampaigns, bool FireTransitions, bool CompleteTasks, bool DesignDefinitions, bool ReadLedger);

/// <summary>Who the caller's key belongs to and what it may do, so that a client shows only the actions it can take.</summary>
public static class MeEndpoints
{
    public static IEndpointRouteBuilder MapMe(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/me", async (ClaimsPrincipal user, IAuthorizationService authorization) =>
        {
            async Task<bool> May(string policy) => (await authorization.AuthorizeAsync(user, policy)).Succeeded;
            var campaigns = await May(Roles.CampaignWriters);
            return TypedResults.Ok(new MeResponse(
                user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
                [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value)],
                user.HasClaim(ApiKeyAuthentication.ActForOthersClaim, "true"),
                new MePermissions(campaigns, campaigns, await May(Roles.TaskWriters), await May(Roles.DefinitionWriters), await May(Roles.Auditors))));
        })
        .WithTags("Identity").WithSummary("The caller: principal, roles and what they allow").ProducesProblem(401);
        return app;
    }
}
