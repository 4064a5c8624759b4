using System.Text.Json;
using System.Text.Json.Nodes;
using Workflow.Api.Campaigns;
using Workflow.Api.Errors;

namespace Workflow.Api.OpenApi;

/// <summary>
/// The examples shown in the OpenAPI document: request bodies from the seed campaign, and the
/// problem details each refusal status gives. Built from the API's own records, so they stay in step.
/// </summary>
public static class ApiExamples
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly Guid CampaignId = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
    private static readonly Guid DraftId = Guid.Parse("7c9e6679-7425-40de-944b-e07fc1f90ae7");

    private static JsonNode Node(object value) => JsonSerializer.SerializeToNode(value, Json)!;

    /// <summary>The seed template's parameters: the party groups and the leadership team.</summary>
    public static JsonElement SeedParameters { get; } = JsonSerializer.SerializeToElement(new
    {
        partyGroups = new[]
        {
            new { id = "group-1", name = "机关第一党小组", leader = "leader.zhang" },
            new { id = "group-2", name = "机关第二党小组", leader = "leader.li" },
        },
        teamMembers = new[] { "secretary.chen", "deputy.liu" },
        satisfactionThreshold = 0.8,
    }, Json);

    public static CreateCampaignRequest CreateCampaign { get; } = new(
        "scientific-outlook-campaign", 1, "教育体育局深入学习实践活动", "district-education-bureau", SeedParameters);

    /// <summary>Named examples of each request body type; the first is also the schema's example.</summary>
    public static IReadOnlyDictionary<Type, IReadOnlyList<(string Name, string Summary, object Value)>> Requests { get; } =
        new Dictionary<Type, IReadOnlyList<(string, string, object)>>
        {
            [typeof(CreateCampaignRequest)] =
            [
                ("seedCampaign", "The seed campaign from the scientific-outlook template", CreateCampaign),
                ("defaultsOnly", "Only the required parameters; defaults fill the rest",
                    CreateCampaign with
                    {
                        Name = "第二批学习实践活动",
                        Parameters = JsonSerializer.SerializeToElement(new
                        {
                            partyGroups = new[] { new { id = "group-1", name = "第一党小组", leader = "leader.wang" } },
                            teamMembers = new[] { "secretary.zhao" },
                        }, Json),
                    }),
            ],
            [typeof(TransitionRequest)] =
            [
                ("start", "Start the first phase", new TransitionRequest("start", null, null)),
                ("advance", "Leave the current phase for the next (its exit gates must hold)", new TransitionRequest("advance", "区委转段发动大会后转入分析检查阶段", null)),
                ("sendBack", "Return to an earlier phase, with a reason", new TransitionRequest("sendBack", "分析检查报告未通过，需补充学习", "study")),
                ("suspend", "Pause the campaign; resume returns exactly here", new TransitionRequest("suspend", "防汛工作期间暂停", null)),
            ],
            [typeof(CompleteTaskRequest)] =
            [
                ("meeting", "A meeting task: the date it was held", new CompleteTaskRequest(null, JsonSerializer.SerializeToElement(new { heldOn = "2023-03-01" }, Json), null)),
                ("review", "A review: the outcome is the port it leaves by", new CompleteTaskRequest("ChangesRequested", JsonSerializer.SerializeToElement(new { comments = "问题查摆不够具体" }, Json), "请补充具体事例")),
                ("appraisal", "The mass appraisal: participants and satisfied", new CompleteTaskRequest(null, JsonSerializer.SerializeToElement(new { heldOn = "2023-06-25", participants = 45, satisfied = 45 }, Json), null)),
            ],
            [typeof(ReassignTaskRequest)] =
            [
                ("toPerson", "Give the task to a person", new ReassignTaskRequest("deputy.liu", "secretary.chen is away")),
                ("toRole", "Give the task to a role", new ReassignTaskRequest("campaign-office", null)),
            ],
        };

    public static CampaignResponse Campaign { get; } = new(
        CampaignId, CreateCampaign.Name, CreateCampaign.Organization, CreateCampaign.TemplateId, 1, "study", "running", false, 2,
        new DateTime(2023, 3, 1, 8, 0, 0, DateTimeKind.Utc), "campaign-office", new DateTime(2023, 3, 1, 8, 5, 0, DateTimeKind.Utc));

    /// <summary>Examples of response body types (by type), for the schemas.</summary>
    public static IReadOnlyDictionary<Type, object> Responses { get; } = new Dictionary<Type, object>
    {
        [typeof(CampaignResponse)] = Campaign,
    };

    public static JsonNode? ForSchema(Type type) =>
        Requests.TryGetValue(type, out var examples) ? Node(examples[0].Value)
        : Responses.TryGetValue(type, out var example) ? Node(example)
        : null;

    /// <summary>
    /// A problem as the API writes it (RFC 9457 with code, arguments and traceId), for a status of
    /// the operation at <paramref name="path"/> (a route template such as /api/v1/campaigns/{id}/transitions).
    /// </summary>
    public static JsonNode Problem(int status, string path, string method)
    {
        var instance = path.Replace("{id}", CampaignId.ToString(), StringComparison.Ordinal)
            .Replace("{taskId}", "massAppraisal:1", StringComparison.Ordinal)
            .Replace("{definitionId}", "analysis-phase", StringComparison.Ordinal)
            .Replace("{version}", "1", StringComparison.Ordinal);
        var isTask = path.Contains("/tasks/", StringComparison.Ordinal);
        var isCreate = path == "/api/v1/campaigns" && method == "POST";
        var isTransition = path.EndsWith("/transitions", StringComparison.Ordinal);
        var isDefinition = path.StartsWith("/api/v1/workflows", StringComparison.Ordinal) || path.StartsWith("/api/v1/templates", StringComparison.Ordinal);
        var isDraft = isDefinition && path.Contains("/drafts", StringComparison.Ordinal);
        instance = instance.Replace("{draftId}", DraftId.ToString(), StringComparison.Ordinal);
        Dictionary<string, string> Args(params (string Key, string Value)[] pairs) => pairs.ToDictionary(p => p.Key, p => p.Value);
        (string Code, string Detail, Dictionary<string, string> Arguments, JsonObject? Extra) example = status switch
        {
            400 when isDraft && method is ("POST" or "PUT") && !path.EndsWith("/publish", StringComparison.Ordinal) => (ProblemCodes.DefinitionNotObject,
                "A definition must be a JSON object, not Array.", Args(("valueKind", "Array")), null),
            400 when isDraft => (ProblemCodes.IfMatchInvalid, "If-Match must be * or entity tags in quotes, separated by commas, as the ETag gives them (e.g. \"3\"); not 3.",
                Args(("ifMatch", "3")), null),
            404 when isDraft => (ProblemCodes.DraftNotFound, $"There is no draft {DraftId}.", Args(("draftId", DraftId.ToString())), null),
            409 when isDraft => (ProblemCodes.DefinitionConcurrencyConflict,
                $"The draft {DraftId} kept changing while this request ran; nothing was written. Try again.", Args(("what", $"draft {DraftId}")), null),
            412 when isDraft => (ProblemCodes.DraftChanged, "The draft has changed (version 4); your If-Match was 3. Reload it and try again.",
                Args(("current", "4"), ("expected", "3")), null),
            422 when isDraft => (ProblemCodes.DefinitionInvalid, "The definition has 1 problem(s); see errors.", Args(("count", "1")),
                new JsonObject
                {
                    ["errors"] = new JsonArray(new JsonObject
                    {
                        ["code"] = "connection.dangling", ["message"] = "The connection start → review has a target 'review' that is not an activity of this flowchart.",
                        ["jsonPointer"] = "/root/connections/2/target/activity",
                    }),
                }),
            400 when path.EndsWith("/diagram", StringComparison.Ordinal) => (ProblemCodes.RequestInvalid,
                "The request is not valid: format must be mermaid or dot, not 'svg'.", Args(("error", "format must be mermaid or dot, not 'svg'.")), null),
            400 when isTransition => (ProblemCodes.TriggerUnknown, "'finish' is not a trigger; use one of start, advance, sendBack, suspend, resume, cancel, complete.",
                Args(("trigger", "finish"), ("triggers", "start, advance, sendBack, suspend, resume, cancel, complete")), null),
            400 when isTask => (ProblemCodes.IfMatchInvalid, "If-Match must be * or entity tags in quotes, separated by commas, as the ETag gives them (e.g. \"3\"); not 3.",
                Args(("ifMatch", "3")), null),
            400 when method == "GET" => (ProblemCodes.CursorInvalid, "The paging cursor is not valid; start again without one.", Args(), null),
            400 => (ProblemCodes.RequestInvalid, "The request is not valid: templateId, name and organization are required.",
                Args(("error", "templateId, name and organization are required.")), null),
            401 => (ProblemCodes.AuthenticationRequired, "An API key is required: send it in the X-Api-Key header.",
                Args(("path", instance), ("method", method)), null),
            403 => (ProblemCodes.Forbidden, "Your API key's roles do not allow this.", Args(("path", instance), ("method", method)), null),
            404 when isCreate => (ProblemCodes.TemplateNotFound, "There is no published template scientific-outlook-campaign version 9.",
                Args(("templateId", "scientific-outlook-campaign"), ("version", "9")), null),
            404 when isTask => ("task.not_found", "There is no task instance 'massAppraisal:1' in the current phase.", Args(("taskId", "massAppraisal:1")), null),
            404 when isDefinition => (ProblemCodes.DefinitionNotFound, "There is no workflow analysis-phase v1.",
                Args(("kind", "workflow"), ("definitionId", "analysis-phase"), ("version", " v1")), null),
            404 => (ProblemCodes.CampaignNotFound, $"There is no campaign {CampaignId}.", Args(("campaignId", CampaignId.ToString())), null),
            409 when isCreate => (ProblemCodes.TemplateRetracted,
                "Template scientific-outlook-campaign version 1 was retracted; start campaigns from a published version.",
                Args(("templateId", "scientific-outlook-campaign"), ("version", "1")), null),
            409 when isTask => ("task.not_active", "Task instance 'draftReport:1' is already completed; it cannot be changed.",
                Args(("taskId", "draftReport:1"), ("status", "completed")), null),
            409 => ("campaign.trigger_not_permitted",
                "Advance is not permitted now (in phase 'analysis'): the phase workflow has not reached its end (waiting for massAppraisal:1); " +
                "exit gates not met: appraisalSatisfaction is pending (inputs.satisfactionThreshold = 0.8, results.massAppraisal.satisfaction = missing).",
                Args(("trigger", "Advance"), ("state", "analysis"), ("reasons", "the phase workflow has reached its end; every exit gate of the phase is met")),
                new JsonObject
                {
                    ["gates"] = new JsonArray(new JsonObject
                    {
                        ["id"] = "appraisalSatisfaction", ["name"] = "群众满意率达标", ["displayName"] = "Mass appraisal satisfaction reached",
                        ["description"] = "The satisfaction of the mass appraisal is at least satisfactionThreshold.",
                        ["condition"] = "results.massAppraisal.satisfaction >= inputs.satisfactionThreshold",
                        ["state"] = "pending", ["waitingFor"] = new JsonArray("massAppraisal:1"),
                        ["observed"] = new JsonObject { ["inputs.satisfactionThreshold"] = 0.8, ["results.massAppraisal.satisfaction"] = null },
                        ["message"] = "Waiting for massAppraisal:1 to be completed.",
                    }),
                    ["unmetGuards"] = new JsonArray("the phase workflow has reached its end", "every exit gate of the phase is met"),
                    ["waitingFor"] = new JsonArray("massAppraisal:1"),
                }),
            412 => (ProblemCodes.PreconditionFailed, "The campaign has changed (version 7); your If-Match was 6. Reload it and try again.",
                Args(("current", "7"), ("expected", "6")), null),
            422 when isCreate => ("campaign.inputs_invalid",
                "The campaign parameters do not fit scientific-outlook-campaign v1: The input 'teamMembers' is required.", Args(),
                new JsonObject
                {
                    ["errors"] = new JsonArray(new JsonObject
                    {
                        ["pointer"] = "/teamMembers", ["code"] = "input.required", ["message"] = "The input 'teamMembers' is required.",
                        ["arguments"] = new JsonObject { ["input"] = "teamMembers" },
                    }),
                }),
            422 when isTransition => ("campaign.reason_required", "Sending a campaign back to an earlier phase needs a reason.", Args(), null),
            422 => ("task.result_invalid", "The result for task instance 'massAppraisal:1' is not valid: participants is required.",
                Args(("taskId", "massAppraisal:1"), ("activityType", "Campaign.Appraisal")),
                new JsonObject
                {
                    ["errors"] = new JsonArray(new JsonObject
                    {
                        ["pointer"] = "/participants", ["code"] = "result.field_required", ["message"] = "participants is required.",
                        ["arguments"] = new JsonObject { ["field"] = "participants" },
                    }),
                }),
            503 when path.StartsWith("/api/v1/audit", StringComparison.Ordinal) => (ProblemCodes.SigningKeyUnavailable,
                "The current ledger signing key a93f437b… cannot be decrypted on this server, so no checkpoint can be signed now; verification still works. " +
                "An administrator can rotate the key (rotate-signing-key) or restore the Data Protection keys of the database.", Args(("kid", "a93f437b…")), null),
            503 => (ProblemCodes.DefinitionUnavailable,
                "The campaign runs template scientific-outlook-campaign version 2, which cannot be loaded (the published version is not in the database). " +
                "Nothing was changed; an administrator must restore that published version.",
                Args(("templateId", "scientific-outlook-campaign"), ("version", "2"), ("reason", "the published version is not in the database")), null),
            _ => (ProblemCodes.ServerError, "Something went wrong on the server; the request was not applied.", Args(), null),
        };
        var problem = new JsonObject
        {
            ["type"] = ProblemCodes.TypePrefix + example.Code,
            ["title"] = ApiProblem.Title(status),
            ["status"] = status,
            ["detail"] = example.Detail,
            ["instance"] = instance,
            ["code"] = example.Code,
            ["arguments"] = Node(example.Arguments),
            ["traceId"] = "0HNQB4CNOGJ7H:00000001",
        };
        if (example.Extra is not null)
            foreach (var (key, value) in example.Extra) problem[key] = value?.DeepClone();
        return problem;
    }
}
