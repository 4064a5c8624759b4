using System.Text.Json.Nodes;
using Workflow.Api.Campaigns;
using Workflow.Api.History;
using Workflow.Storage;
using Workflow.Storage.History;

namespace Workflow.Api.Organizations;

/// <summary>
/// Writes every change to the organization tree, groups, memberships and role grants as an entry of the
/// administration stream (<see cref="LedgerStream.Administration"/>), in the transaction of the change, with the
/// authenticated principal as actor. The entry's <c>organization</c> is the node the change concerns, so the
/// audit query and the feed filter by organization find it.
/// </summary>
public static class AdministrationLedger
{
    public const string OrganizationCreated = "organization.created";
    public const string OrganizationUpdated = "organization.updated";
    public const string OrganizationMoved = "organization.moved";
    public const string OrganizationDeleted = "organization.deleted";
    public const string GroupCreated = "group.created";
    public const string GroupDeleted = "group.deleted";
    public const string MemberAdded = "group.memberAdded";
    public const string MemberChanged = "group.memberChanged";
    public const string MemberRemoved = "group.memberRemoved";
    public const string RoleGranted = "role.granted";
    public const string RoleRevoked = "role.revoked";

    public static readonly IReadOnlyList<string> Kinds =
    [
        OrganizationCreated, OrganizationUpdated, OrganizationMoved, OrganizationDeleted, GroupCreated, GroupDeleted,
        MemberAdded, MemberChanged, MemberRemoved, RoleGranted, RoleRevoked,
    ];

    /// <summary>
    /// One change: its kind, the organization it concerns, the states before and after (a node's parent for a
    /// move, say) and the details of what changed, which become the payload after <c>kind</c>.
    /// </summary>
    public sealed record Change(string Kind, string Organization, string? Before, string? After, JsonObject Details);

    /// <summary>Adds the entry to the change tracker; the caller's <c>SaveChangesAsync</c> writes it with the change.</summary>
    public static Task AppendAsync(CampaignDbContext db, Change change, RequestActor actor, DateTime at, CancellationToken cancellationToken)
    {
        var payload = new JsonObject { ["kind"] = change.Kind };
        foreach (var (name, value) in change.Details) payload[name] = value?.DeepClone();
        return StreamLedger.AppendAsync(db, LedgerStream.Administration, "administration", new HistoryEntry
        {
            At = at,
            Kind = change.Kind,
            Actor = actor.Principal,
            OnBehalfOf = actor.OnBehalfOf,
            IdempotencyKey = actor.IdempotencyKey,
            CorrelationId = actor.CorrelationId,
            Organization = change.Organization,
            BeforeState = change.Before,
            AfterState = change.After,
            DefinitionId = "",
            Payload = payload.ToJsonString(),
            PreviousHash = "",
            Hash = "",
        }, cancellationToken);
    }

    /// <summary>Runs the change (which saves itself) in one transaction, queued behind other administration changes.</summary>
    public static Task<T> InTransactionAsync<T>(CampaignDbContext db, Func<CancellationToken, Task<T>> work, Func<T> contended, CancellationToken cancellationToken) =>
        StreamLedger.InTransactionAsync(db, LedgerStream.Administration, work, contended, cancellationToken);
}
