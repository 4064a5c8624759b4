using System.Collections.Frozen;

namespace Workflow.Api.OpenApi;

/// <summary>
/// Every operation's operationId (what generated clients name their methods) and its description, in
/// one place an integrator's reviewer can read whole. A test fails when an endpoint has no entry here,
/// so a new endpoint cannot reach the document undocumented.
/// </summary>
internal static class OperationCatalog
{
    public sealed record Entry(string OperationId, string Description);

    public static readonly FrozenDictionary<string, Entry> Entries = Build().ToFrozenDictionary(StringComparer.Ordinal);

    public static Entry? Find(string method, string path) => Entries.GetValueOrDefault($"{method.ToUpperInvariant()} {path}");

    private static IEnumerable<KeyValuePair<string, Entry>> Build()
    {
        KeyValuePair<string, Entry> E(string key, string id, string description) => new(key, new Entry(id, description));

        yield return E("GET /health/live", "getLiveness", "Answers 200 while the process runs; for a container's liveness probe. Needs no key.");
        yield return E("GET /health/ready", "getReadiness",
            "Answers 200 when the database answers and has no pending migrations, 503 otherwise; also reports this node's timer scheduler and webhook dispatcher. Needs no key.");
        yield return E("GET /api/v1/me", "getMe",
            "The caller as its credential says (API key, local session or OpenID Connect token): principal, name, roles, groups, organization, how it signed in, and what the roles allow; a sign-in page checks a credential with it.");
        yield return E("GET /api/v1/sign-in", "getSignInOptions",
            "How people sign in on this server: the OpenID Connect provider's issuer, the web app's client id and scopes, or local accounts. Needs no credential.");
        yield return E("POST /api/v1/session", "signIn",
            "Signs in with a local account (only when no OpenID Connect provider is configured) and answers a session token to send as Authorization: Bearer until it expires or the session is ended. Wrong passwords count against the per-address throttle of refused credentials.");
        yield return E("DELETE /api/v1/session", "signOut", "Ends the caller's local session: its token is refused from this moment on.");
        yield return E("GET /api/v1/keys", "listKeys", "Service accounts' API keys, newest first, with owner, expiry, last use (to the minute) and state; never their secrets. Admins only.");
        yield return E("POST /api/v1/keys", "createKey",
            "Issues an API key for a service account, with its owner, roles and optional expiry. The whole key is in this answer only; only its hash is stored. Admins only.");
        yield return E("POST /api/v1/keys/{id}/rotate", "rotateKey",
            "Issues a new secret for the key's service account; the old secret keeps working for graceSeconds (default Identity:Keys:RotationGrace) or stops at once with 0. Admins only.");
        yield return E("POST /api/v1/keys/{id}/revoke", "revokeKey", "Revokes the key: it is refused from this moment on. Admins only.");
        yield return E("GET /api/v1/activity-descriptors", "listActivityDescriptors",
            "The activity types a flowchart may use, with their inputs, outcomes and display names in the request's language; the designer's palette.");

        yield return E("POST /api/v1/campaigns", "createCampaign",
            "Creates a campaign from a published template version, not yet started. Idempotency-Key makes a retry safe.");
        yield return E("GET /api/v1/campaigns", "listCampaigns",
            "The campaigns in creation order with each one's current phase, progress and overdue tasks; filters by status, phase and organization; keyset paging.");
        yield return E("GET /api/v1/campaigns/{id}", "getCampaign", "One campaign's current state; its ETag is the If-Match of the next command.");
        yield return E("GET /api/v1/campaigns/{id}/progress", "getCampaignProgress",
            "The current phase's open tasks and each activity's latest instance, gates with their values against their thresholds, and the triggers permitted now, each with the reason when not; older iterations are listed by listCampaignTasks.");
        yield return E("POST /api/v1/campaigns/{id}/transitions", "fireCampaignTrigger",
            "Moves the campaign between phases (start, advance, sendBack, suspend, resume, cancel, complete) when its gates allow; 409 with the reason when not.");
        yield return E("GET /api/v1/campaigns/{id}/findings", "listCampaignFindings",
            "The findings the campaign has gathered: those carried forward from finished phases (ids prefixed with phase and round) and those recorded in the current phase, each with the task that recorded it.");
        yield return E("GET /api/v1/campaigns/{id}/variables", "getCampaignVariables",
            "The campaign's variables by name (its inputs and the outputs of finished phases; findings are listCampaignFindings) and the current phase workflow's variables.");
        yield return E("GET /api/v1/campaigns/{id}/diagram", "getCampaignDiagram", "The campaign template's phase machine as Mermaid (default) or Graphviz DOT text.");
        yield return E("GET /api/v1/campaigns/{id}/history", "listCampaignHistory",
            "The campaign's ledger entries in sequence order, each with its hash and the previous one's; after= the last sequence read.");

        yield return E("GET /api/v1/dashboard", "getDashboard",
            "Leaders' dashboard figures: campaign counts per organization by status and phase, open and overdue tasks per unit, rectification items per unit; filter by organization.");
        yield return E("GET /api/v1/tasks", "listTasks",
            "The worklist: work items by assignee or role (escalated ones on their target's list too), status, overdue and escalated; keyset paging.");
        yield return E("GET /api/v1/campaigns/{id}/tasks", "listCampaignTasks",
            "Every task instance of one campaign in activation order with its outcome and result, including the iterations progress no longer shows; filters by status and phase; keyset paging.");
        yield return E("POST /api/v1/campaigns/{id}/tasks/{taskId}/complete", "completeTask",
            "Completes an active task instance with its result (checked against the activity's result schema) and outcome; the flowchart then moves on.");
        yield return E("POST /api/v1/campaigns/{id}/tasks/{taskId}/reassign", "reassignTask", "Gives an active task instance to another person or role, with a reason.");

        yield return E("GET /api/v1/campaigns/{id}/incidents", "listCampaignIncidents",
            "The campaign's incidents (automatic steps that faulted, such as a decision whose condition failed) in the order they happened, open and resolved, each with its latest fault, its attempts and every retry, skip or withdrawal with who did it and why; filters by status; keyset paging.");
        yield return E("POST /api/v1/campaigns/{id}/incidents/{incidentId}/retry", "retryIncident",
            "Runs an open incident's faulted step again, at the same iteration, against the campaign's current data (put right first, e.g. by completing the task whose result it reads); a step that faults again keeps the incident open with one more attempt.");
        yield return E("POST /api/v1/campaigns/{id}/incidents/{incidentId}/skip", "skipIncident",
            "Treats an open incident's faulted step as completed, with a reason (required, recorded), so the flow goes on by its Done outcome; a decision has no Done and needs outcome True or False (incident.cannot_skip otherwise).");

        yield return E("GET /api/v1/events", "listEvents",
            "Every stream's ledger entries in commit order, never skipping one; after= the cursor of the last page; filters by campaign, organization and kind; wait= long-polls.");
        yield return E("GET /api/v1/events/head", "getEventsHead", "The feed's newest position: where a new follower starts without reading the past.");
        yield return E("GET /api/v1/events/stream", "streamEvents",
            "The feed as Server-Sent Events, resumable with Last-Event-ID, with heartbeats; the same filters as the paged feed.");

        yield return E("GET /api/v1/me/notifications", "listNotifications",
            "The caller's inbox: assignments, reminders, escalations, time-outs and deadlines, newest first; unread=true for unread only.");
        yield return E("GET /api/v1/me/notifications/unread-count", "countUnreadNotifications", "How many of the caller's notifications are unread; the bell's figure.");
        yield return E("POST /api/v1/me/notifications/{id}/read", "markNotificationRead", "Marks one of the caller's notifications read.");

        yield return E("POST /api/v1/webhooks/subscriptions", "createWebhookSubscription",
            "Subscribes an http(s) URL on an allowed host to ledger kinds, optionally for one campaign or organization; the signing secret is shown once.");
        yield return E("GET /api/v1/webhooks/subscriptions", "listWebhookSubscriptions", "The webhook subscriptions, without their secrets; keyset paging.");
        yield return E("GET /api/v1/webhooks/subscriptions/{id}", "getWebhookSubscription", "One webhook subscription, without its secret.");
        yield return E("DELETE /api/v1/webhooks/subscriptions/{id}", "deleteWebhookSubscription", "Removes a subscription and its pending deliveries.");
        yield return E("GET /api/v1/webhooks/subscriptions/{id}/deliveries", "listWebhookDeliveries",
            "One subscription's deliveries with their attempts, last status and error; keyset paging.");
        yield return E("GET /api/v1/webhooks/dead-letters", "listDeadLetters", "Deliveries that failed their last attempt, across subscriptions; keyset paging.");
        yield return E("POST /api/v1/webhooks/deliveries/{id}/redeliver", "redeliverWebhook", "Sends a delivery again from its first attempt, with the same webhook-id.");

        yield return E("GET /api/v1/audit/entries", "queryAuditEntries",
            "The ledger across campaigns by organization, actor, kind, phase, task, time range and text, as JSON pages, CSV or NDJSON (Accept).");
        yield return E("GET /api/v1/audit/campaigns/{id}/verify", "verifyCampaignLedger",
            "Recomputes the campaign's hash chain and reports the first bad entry, then replays its events and compares the result with the stored snapshot (snapshot.mismatch); with checkpoint= also checks the ledger still holds the checkpoint's entry.");
        yield return E("GET /api/v1/audit/streams/definitions/verify", "verifyDefinitionsLedger", "Recomputes the definitions stream's hash chain.");
        yield return E("GET /api/v1/audit/campaigns/{id}/checkpoint", "getCampaignCheckpoint", "A checkpoint of the campaign's ledger head, signed with the current key (ES256).");
        yield return E("GET /api/v1/audit/streams/definitions/checkpoint", "getDefinitionsCheckpoint", "A checkpoint of the definitions stream's head, signed with the current key.");
        yield return E("GET /api/v1/audit/streams/administration/verify", "verifyAdministrationLedger",
            "Recomputes the administration stream's hash chain: every change to the organization tree, groups, memberships and role grants.");
        yield return E("GET /api/v1/audit/streams/administration/checkpoint", "getAdministrationCheckpoint",
            "A checkpoint of the administration stream's head, signed with the current key.");
        yield return E("GET /api/v1/audit/streams/administration/export", "exportAdministrationLedger",
            "The administration stream's entries with a signed checkpoint, in the campaign export's format, for the offline verifier.");

        yield return E("GET /api/v1/organizations", "listOrganizations",
            "The units of the organization tree the caller may see, top down by path; under= one unit's subtree.");
        yield return E("GET /api/v1/organizations/{id}", "getOrganization", "One unit: its parent, kind, names in zh-CN and en, and its path from the top.");
        yield return E("POST /api/v1/organizations", "createOrganization",
            "Adds a unit under a parent (or at the top level); needs the admin role on the parent (the root's for the top level). Recorded in the administration stream.");
        yield return E("PUT /api/v1/organizations/{id}", "updateOrganization", "Changes a unit's kind or names; needs the admin role on it. A request that changes nothing records nothing.");
        yield return E("POST /api/v1/organizations/{id}/move", "moveOrganization",
            "Moves a unit with its subtree under another unit or to the top level; refused when the new parent is inside the unit's own subtree. Needs the admin role at both ends.");
        yield return E("DELETE /api/v1/organizations/{id}", "deleteOrganization",
            "Deletes a unit; refused (409) while it has sub-units, campaigns, groups or role grants.");
        yield return E("POST /api/v1/organizations/import", "importOrganizations",
            "Creates, renames and moves units to match a CSV (id,parent,kind,name_zh,name_en) or JSON file, all or nothing: every bad line is reported in one problem. Re-importing the same file changes and records nothing. Root admins.");
        yield return E("GET /api/v1/groups", "listGroups", "The groups on the units the caller may see, with their members and leads; organization= one unit's.");
        yield return E("GET /api/v1/groups/{id}", "getGroup", "One group with its members and leads.");
        yield return E("POST /api/v1/groups", "createGroup", "Creates a group on a unit; needs the admin role on the unit.");
        yield return E("DELETE /api/v1/groups/{id}", "deleteGroup", "Deletes a group with its memberships; the roles granted to it are revoked, each on the record.");
        yield return E("POST /api/v1/groups/{id}/members", "addGroupMember", "Adds a principal to a group, or changes whether it is a lead; adding it again as it is changes nothing.");
        yield return E("DELETE /api/v1/groups/{id}/members/{principal}", "removeGroupMember", "Removes a principal from a group.");
        yield return E("GET /api/v1/role-grants", "listRoleGrants", "The role grants on the units the caller may see; filters by organization, principal and group.");
        yield return E("POST /api/v1/role-grants", "grantRole",
            "Grants admin, operator, participant or auditor on a unit, inherited down its subtree, to a principal or a group; an existing grant is answered as it is (200).");
        yield return E("DELETE /api/v1/role-grants/{id}", "revokeRole", "Revokes a role grant; it stops counting at the grantee's next request.");
        yield return E("POST /api/v1/audit/checkpoints/verify", "verifyCheckpoint",
            "Checks a checkpoint's signature by its keyId, and that its ledger still holds its entry with its hash.");
        yield return E("GET /api/v1/audit/campaigns/{id}/export", "exportCampaignLedger",
            "The campaign's ledger as one JSON document with a signed checkpoint, for the offline verifier.");
        yield return E("GET /api/v1/audit/campaigns/{id}/state", "getCampaignStateAsOf",
            "The campaign as it stood after ledger entry sequence=N, or at the moment at=T: its entries replayed with the chain checked, showing the phase, open tasks, gates (with the template version pinned then), variables and findings; 409 when the ledger is not whole up to there.");
        yield return E("GET /api/v1/audit/signing-key", "getSigningKey", "The current public signing key, as PEM and JWK.");
        yield return E("GET /api/v1/audit/jwks", "getSigningKeys", "Every key of the signing key ring, current and retired, as a JWKS; a checkpoint's keyId is its key's kid.");
        yield return E("POST /api/v1/audit/signing-keys/rotate", "rotateSigningKey", "Makes a new current signing key (admins); checkpoints signed with the retired one stay valid.");
        yield return E("POST /api/v1/audit/anchors", "anchorLedgers",
            "Anchors now (admins, with a reason): a signed checkpoint of every stream that moved since its last anchor, sent to the configured sinks.");
        yield return E("GET /api/v1/audit/definitions/{kind}/{definitionId}/history", "listDefinitionHistory",
            "A definition's drafts, publications and retractions from the definitions stream, in order; keyset paging.");
        yield return E("GET /api/v1/audit/definitions/{kind}/{definitionId}/diff", "diffDefinitionVersions", "What changed between two versions of a definition, as JSON Patch.");

        foreach (var (kind, noun) in new[] { ("workflows", "Workflow"), ("templates", "Template") })
        {
            var what = kind == "workflows" ? "phase workflow (a flowchart)" : "campaign template (phases, gates and their workflows)";
            var p = $"/api/v1/{kind}";
            yield return E($"GET {p}", $"list{noun}s", $"The published {what} versions, newest first per definition.");
            yield return E($"GET {p}/{{definitionId}}/versions/{{version}}", $"get{noun}Version", $"One published {what} version, with its document and content hash.");
            yield return E($"POST {p}/validate", $"validate{noun}", $"Checks a {what} document without saving it; every problem with its JSON Pointer, in the request's language.");
            yield return E($"POST {p}/{{definitionId}}/versions/{{version}}/retract", $"retract{noun}Version",
                $"Retracts a published {what} version: no new campaign may use it; campaigns already on it carry on.");
            yield return E($"POST {p}/drafts", $"create{noun}Draft", $"Saves a {what} document as a draft, valid or not, for the designer.");
            yield return E($"GET {p}/drafts", $"list{noun}Drafts", $"The {what} drafts with their validation state.");
            yield return E($"GET {p}/drafts/{{draftId}}", $"get{noun}Draft", $"One {what} draft with its document and problems; its ETag is its version.");
            yield return E($"PUT {p}/drafts/{{draftId}}", $"update{noun}Draft", $"Replaces a {what} draft's document; If-Match guards against overwriting another's edit.");
            yield return E($"DELETE {p}/drafts/{{draftId}}", $"delete{noun}Draft", $"Deletes a {what} draft.");
            yield return E($"POST {p}/drafts/{{draftId}}/publish", $"publish{noun}Draft",
                $"Publishes a valid {what} draft as the next version of its definitionId; versions are immutable once published.");
        }
    }
}
