using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Definitions;

/// <summary>The definition files of workflows/ (as the API imports them) and variants of them for the tests.</summary>
public static class DefinitionDocs
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "workflows");

    public static string Text(string relativePath) => File.ReadAllText(Path.Combine(Folder, relativePath));

    public static JsonObject Load(string relativePath) => JsonNode.Parse(Text(relativePath))!.AsObject();

    public static JsonObject StudyPhase() => Load("phases/study-phase.json");

    public static JsonObject Template() => Load("templates/scientific-outlook-campaign.json");

    /// <summary>
    /// The study phase with a preparatory meeting before the mobilization meeting: a campaign
    /// running this version has "preparatoryMeeting:1" as its first task instead of "studyMobilization:1".
    /// </summary>
    public static JsonObject StudyPhaseWithPreparatoryMeeting()
    {
        var workflow = StudyPhase();
        var root = workflow["root"]!;
        root["activities"]!.AsArray().Insert(1, new JsonObject
        {
            ["id"] = "preparatoryMeeting", ["type"] = "Campaign.Meeting", ["name"] = "筹备会议",
            ["meetingKind"] = "work", ["assignee"] = "campaign-office", ["dueInDays"] = 2,
        });
        var connections = root["connections"]!.AsArray();
        connections[0]!["target"]!["activity"] = "preparatoryMeeting";
        connections.Insert(1, Connection("preparatoryMeeting", "Done", "studyMobilization"));
        return workflow;
    }

    /// <summary>A small valid phase workflow of its own id: start → one meeting → end.</summary>
    public static JsonObject MinimalWorkflow(string definitionId, int version = 1) => new()
    {
        ["definitionId"] = definitionId, ["version"] = version, ["name"] = definitionId,
        ["root"] = new JsonObject
        {
            ["type"] = "Elsa.Flowchart", ["id"] = "flow",
            ["activities"] = new JsonArray(
                new JsonObject { ["id"] = "start", ["type"] = "Elsa.Start" },
                new JsonObject { ["id"] = "meeting", ["type"] = "Campaign.Meeting", ["assignee"] = "campaign-office" },
                new JsonObject { ["id"] = "end", ["type"] = "Elsa.End" }),
            ["connections"] = new JsonArray(Connection("start", "Done", "meeting"), Connection("meeting", "Done", "end")),
        },
    };

    public static JsonObject Connection(string source, string port, string target) => new()
    {
        ["source"] = new JsonObject { ["activity"] = source, ["port"] = port },
        ["target"] = new JsonObject { ["activity"] = target, ["port"] = "In" },
    };

    public static async Task<ApiResponse> SendJsonAsync(
        this HttpClient client, HttpMethod method, string url, object? body, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        return await HttpJson.Read(await client.SendAsync(request));
    }
}
