using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using static Workflow.Engine.Tests.Definitions.DefinitionFiles;

namespace Workflow.Engine.Tests.Definitions;

/// <summary>
/// What the schemas cannot say about the shipped definitions: the analysis phase has the agreed
/// graph, every name an expression reads exists, every task is assigned and due, the layout is
/// readable, and workflows/README.md lists the template's gates and defaults.
/// </summary>
public sealed partial class DefinitionContentTests
{
    private const string TemplateId = "scientific-outlook-campaign";

    public static TheoryData<string> PhaseIds => ["study-phase", "analysis-phase", "rectification-phase"];

    // ---------------------------------------------------------------- the analysis phase

    [Fact]
    public void Analysis_phase_has_the_agreed_activities()
    {
        var activities = Activities(LoadPhase("analysis-phase")).ToDictionary(a => (string)a["id"]!, a => (string)a["type"]!);

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["start"] = "Elsa.Start",
                ["mobilizationMeeting"] = "Campaign.Meeting",
                ["forkWork"] = "Elsa.FlowFork",
                ["collectOpinions"] = "Campaign.OpinionCollection",
                ["heartToHeartTalks"] = "Campaign.Talks",
                ["studyAndRules"] = "Campaign.DocumentDrafting",
                ["joinBeforeDrafting"] = "Elsa.FlowJoin",
                ["forkDrafting"] = "Elsa.FlowFork",
                ["draftReport"] = "Campaign.DocumentDrafting",
                ["guidanceReview"] = "Campaign.Review",
                ["memberComments"] = "Campaign.Review",
                ["reviseReport"] = "Campaign.DocumentDrafting",
                ["personalStatements"] = "Campaign.DocumentDrafting",
                ["joinBeforeMeetings"] = "Elsa.FlowJoin",
                ["orgLifeMeeting"] = "Campaign.Meeting",
                ["democraticLifeMeeting"] = "Campaign.Meeting",
                ["finalizeReport"] = "Campaign.DocumentDrafting",
                ["massAppraisal"] = "Campaign.Appraisal",
                ["satisfactionReached"] = "Elsa.FlowDecision",
                ["phaseSummary"] = "Campaign.DocumentDrafting",
                ["end"] = "Elsa.End",
            },
            activities);
    }

    [Fact]
    public void Analysis_phase_has_the_agreed_connections()
    {
        string[] expected =
        [
            "start.Done -> mobilizationMeeting",
            "mobilizationMeeting.Done -> forkWork",
            "forkWork.Opinions -> collectOpinions",
            "forkWork.Talks -> heartToHeartTalks",
            "forkWork.Rules -> studyAndRules",
            "collectOpinions.Done -> joinBeforeDrafting",
            "heartToHeartTalks.Done -> joinBeforeDrafting",
            "studyAndRules.Done -> joinBeforeDrafting",
            "joinBeforeDrafting.Done -> forkDrafting",
            "forkDrafting.Report -> draftReport",
            "draftReport.Done -> guidanceReview",
            "guidanceReview.Approved -> memberComments",
            "guidanceReview.ChangesRequested -> reviseReport",
            "memberComments.Approved -> joinBeforeMeetings",
            "memberComments.ChangesRequested -> reviseReport",
            "reviseReport.Done -> guidanceReview",
            "forkDrafting.Statements -> personalStatements",
            "personalStatements.Done -> joinBeforeMeetings",
            "joinBeforeMeetings.Done -> orgLifeMeeting",
            "orgLifeMeeting.Done -> democraticLifeMeeting",
            "democraticLifeMeeting.Done -> finalizeReport",
            "finalizeReport.Done -> massAppraisal",
            "massAppraisal.Done -> satisfactionReached",
            "satisfactionReached.True -> phaseSummary",
            "satisfactionReached.False -> finalizeReport",
            "phaseSummary.Done -> end",
        ];

        Assert.Equal(expected.Order(StringComparer.Ordinal), Connections(LoadPhase("analysis-phase")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Analysis_phase_inputs_and_key_activity_inputs_are_as_agreed()
    {
        var phase = LoadPhase("analysis-phase");
        var inputs = phase["inputs"]!.AsArray().ToDictionary(i => (string)i!["name"]!, i => ((string)i!["type"]!, (bool?)i["required"] ?? false));
        Assert.Equal(
            new Dictionary<string, (string, bool)>
            {
                ["partyGroups"] = ("array", true),
                ["teamMembers"] = ("array", true),
                ["satisfactionThreshold"] = ("number", true),
                ["formReturnRateThreshold"] = ("number", true),
                ["minimumTalks"] = ("integer", true),
                ["minimumRulesIssued"] = ("integer", true),
            },
            inputs);

        var byId = Activities(phase).ToDictionary(a => (string)a["id"]!);
        Assert.Equal(["Opinions", "Talks", "Rules"], byId["forkWork"]["branches"]!.AsArray().Select(b => (string)b!));
        Assert.Equal(["Report", "Statements"], byId["forkDrafting"]["branches"]!.AsArray().Select(b => (string)b!));
        Assert.Equal("WaitAll", (string?)byId["joinBeforeDrafting"]["mode"]);
        Assert.Equal("WaitAll", (string?)byId["joinBeforeMeetings"]["mode"]);
        Assert.Equal("inputs.teamMembers", Script(byId["personalStatements"]["forEach"]));
        Assert.Equal("item", Script(byId["personalStatements"]["assignee"]));
        Assert.Equal("inputs.partyGroups", Script(byId["orgLifeMeeting"]["forEach"]));
        Assert.Equal("item.leader", Script(byId["orgLifeMeeting"]["assignee"]));
        Assert.Equal("results.massAppraisal.satisfaction >= inputs.satisfactionThreshold", Script(byId["satisfactionReached"]["condition"]));
        Assert.Equal(
            ["understanding", "problemsFound", "causesAnalysed", "directionClear", "measuresFeasible", "styleImproved"],
            byId["massAppraisal"]["aspects"]!.AsArray().Select(a => (string)a!));
        Assert.Equal("district-guidance-group-leader", (string?)byId["guidanceReview"]["assignee"]);
        Assert.Equal("leadership-team", (string?)byId["memberComments"]["assignee"]);
    }

    // ---------------------------------------------------------------- every phase workflow

    [Theory]
    [MemberData(nameof(PhaseIds))]
    public void Every_activity_and_declaration_has_english_and_chinese_display_names(string phaseId)
    {
        var phase = LoadPhase(phaseId);

        AssertDisplayNames(phase["displayNames"], phaseId);
        foreach (var input in phase["inputs"]?.AsArray() ?? [])
            AssertDisplayNames(input!["displayNames"], $"{phaseId} input {input["name"]}");
        foreach (var activity in Activities(phase))
            AssertDisplayNames(activity["metadata"]?["displayNames"], $"{phaseId}/{activity["id"]}");
    }

    [Theory]
    [MemberData(nameof(PhaseIds))]
    public void Every_task_has_an_assignee_and_a_due_time(string phaseId)
    {
        foreach (var task in Activities(LoadPhase(phaseId)).Where(IsTask))
        {
            Assert.True(task["assignee"] is not null, $"{phaseId}/{task["id"]} has no assignee");
            Assert.True(task["dueInDays"] is not null || task["dueDate"] is not null, $"{phaseId}/{task["id"]} has no dueInDays or dueDate");
        }
    }

    [Theory]
    [MemberData(nameof(PhaseIds))]
    public void Layout_is_readable(string phaseId)
    {
        var activities = Activities(LoadPhase(phaseId)).ToList();
        var positions = activities.ToDictionary(
            a => (string)a["id"]!,
            a => ((double)a["metadata"]!["designer"]!["position"]!["x"]!, (double)a["metadata"]!["designer"]!["position"]!["y"]!));

        Assert.Equal(positions.Count, positions.Values.Distinct().Count());
        var xs = positions.Values.Select(p => p.Item1).ToList();
        Assert.Equal(xs.Min(), positions["start"].Item1);
        Assert.Equal(xs.Max(), positions["end"].Item1);
        Assert.Single(positions.Values, p => p.Item1 == xs.Min());
        Assert.Single(positions.Values, p => p.Item1 == xs.Max());
    }

    [Theory]
    [MemberData(nameof(PhaseIds))]
    public void Connections_join_existing_activities_and_every_activity_is_connected(string phaseId)
    {
        var phase = LoadPhase(phaseId);
        var ids = Activities(phase).Select(a => (string)a["id"]!).ToHashSet();
        var connections = phase["root"]!["connections"]!.AsArray();
        var sources = connections.Select(c => (string)c!["source"]!["activity"]!).ToHashSet();
        var targets = connections.Select(c => (string)c!["target"]!["activity"]!).ToHashSet();

        Assert.Empty(sources.Union(targets).Except(ids));
        Assert.Empty(ids.Except(["start"]).Except(targets));
        Assert.Empty(ids.Except(["end"]).Except(sources));
    }

    [Theory]
    [MemberData(nameof(PhaseIds))]
    public void Expressions_in_a_phase_read_only_its_activities_and_inputs(string phaseId)
    {
        var phase = LoadPhase(phaseId);

        foreach (var script in Scripts(phase["root"]!))
            AssertNamesExist(phase, script, phaseId);
    }

    // ---------------------------------------------------------------- the template

    [Fact]
    public void Template_runs_the_three_phases_in_order()
    {
        var phases = LoadTemplate(TemplateId)["phases"]!.AsArray();

        Assert.Equal(
            [("study", "学习调研", "study-phase"), ("analysis", "分析检查", "analysis-phase"), ("rectification", "整改落实", "rectification-phase")],
            phases.Select(p => ((string)p!["id"]!, (string)p["name"]!, (string)p["workflow"]!["definitionId"]!)));
        Assert.All(phases, p => Assert.Equal(1, (int)p!["workflow"]!["version"]!));
    }

    [Fact]
    public void Template_thresholds_have_the_agreed_defaults()
    {
        var inputs = LoadTemplate(TemplateId)["inputs"]!.AsArray().ToDictionary(i => (string)i!["name"]!, i => i!.AsObject());

        Assert.Equal(0.8, (double)inputs["satisfactionThreshold"]["default"]!);
        Assert.Equal(0.6, (double)inputs["formReturnRateThreshold"]["default"]!);
        Assert.Equal(40, (int)inputs["minimumTalks"]["default"]!);
        Assert.Equal(4, (int)inputs["minimumRulesIssued"]["default"]!);
        Assert.Equal(1, (int)inputs["minimumResearchFindings"]["default"]!);
        Assert.True((bool)inputs["partyGroups"]["required"]!);
        Assert.False(inputs["partyGroups"].ContainsKey("default"));
        Assert.True((bool)inputs["teamMembers"]["required"]!);
        Assert.All(inputs.Values, i => Assert.False(string.IsNullOrWhiteSpace((string?)i["description"]), $"input {i["name"]} has no description"));
    }

    [Fact]
    public void Template_gates_and_outputs_read_only_names_their_phase_workflow_has()
    {
        var template = LoadTemplate(TemplateId);
        var variables = template["variables"]!.AsArray().Select(v => (string)v!["name"]!).ToHashSet();

        foreach (var phase in template["phases"]!.AsArray())
        {
            var workflow = LoadPhase((string)phase!["workflow"]!["definitionId"]!);
            Assert.Equal((int)phase["workflow"]!["version"]!, (int)workflow["version"]!);
            foreach (var gate in phase["exitGates"]?.AsArray() ?? [])
            {
                AssertDisplayNames(gate!["displayNames"], $"gate {phase["id"]}/{gate["id"]}");
                Assert.False(string.IsNullOrWhiteSpace((string?)gate["description"]), $"gate {phase["id"]}/{gate["id"]} has no description");
                AssertNamesExist(workflow, Script(gate["condition"]), $"gate {phase["id"]}/{gate["id"]}");
            }
            foreach (var (variable, output) in phase["outputs"]?.AsObject() ?? [])
            {
                Assert.Contains(variable, variables);
                AssertNamesExist(workflow, Script(output), $"output {phase["id"]}/{variable}");
            }
        }
    }

    [Fact]
    public void Template_binds_every_required_input_of_its_phase_workflows_with_the_same_type()
    {
        var template = LoadTemplate(TemplateId);
        var available = template["inputs"]!.AsArray().Concat(template["variables"]!.AsArray())
            .ToDictionary(i => (string)i!["name"]!, i => (string)i!["type"]!);
        available["findings"] = "array"; // built in: the findings carried by the campaign

        foreach (var phase in template["phases"]!.AsArray())
        {
            var workflowId = (string)phase!["workflow"]!["definitionId"]!;
            foreach (var input in LoadPhase(workflowId)["inputs"]?.AsArray() ?? [])
            {
                var name = (string)input!["name"]!;
                if ((bool?)input["required"] != true) continue;
                Assert.True(available.TryGetValue(name, out var type), $"{workflowId} requires '{name}', which the template does not provide");
                Assert.Equal((string)input["type"]!, type);
            }
        }
    }

    // ---------------------------------------------------------------- README

    [Fact]
    public void Readme_gate_table_matches_the_template()
    {
        var template = LoadTemplate(TemplateId);
        var defaults = template["inputs"]!.AsArray().ToDictionary(i => (string)i!["name"]!, i => i!["default"]);
        var gates = template["phases"]!.AsArray()
            .SelectMany(p => (p!["exitGates"]?.AsArray() ?? []).Select(g => (Phase: (string)p["id"]!, Gate: g!.AsObject())))
            .ToDictionary(x => $"{x.Phase}/{x.Gate["id"]}", x => x.Gate);
        var rows = ReadmeGateRows(File.ReadAllText(Path.Combine(Root, "README.md")));

        Assert.Equal(gates.Keys.Order(StringComparer.Ordinal), rows.Select(r => $"{r.Phase}/{r.Gate}").Order(StringComparer.Ordinal));
        foreach (var row in rows)
        {
            var gate = gates[$"{row.Phase}/{row.Gate}"];
            Assert.Equal((string)gate["name"]!, row.Name);
            var condition = Script(gate["condition"]);
            var read = InputNames().Matches(condition).Select(m => m.Groups[1].Value)
                .Where(name => defaults.TryGetValue(name, out var d) && d is not null).ToList();
            if (row.Input is null)
            {
                Assert.True(read.Count == 0, $"README gives no threshold for {row.Phase}/{row.Gate}, but it reads {string.Join(", ", read)}");
                continue;
            }
            Assert.Equal([row.Input], read);
            Assert.Equal(double.Parse(row.Default!, CultureInfo.InvariantCulture), (double)defaults[row.Input]!);
        }
    }

    private static List<(string Phase, string Gate, string Name, string? Input, string? Default)> ReadmeGateRows(string readme)
    {
        var rows = new List<(string, string, string, string?, string?)>();
        foreach (var line in readme.Split('\n'))
        {
            var cells = line.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            if (cells.Length != 6 || !cells[1].StartsWith('`')) continue;
            static string? Cell(string c) => c is "–" or "-" or "" ? null : c.Trim('`');
            rows.Add((cells[0], cells[1].Trim('`'), cells[2], Cell(cells[4]), Cell(cells[5])));
        }
        return rows;
    }

    // ---------------------------------------------------------------- helpers

    private static readonly HashSet<string> TaskTypes =
    [
        "Campaign.Meeting", "Campaign.DocumentDrafting", "Campaign.Review", "Campaign.OpinionCollection",
        "Campaign.Talks", "Campaign.Appraisal", "Campaign.Finding", "Campaign.RectificationItem",
    ];

    private static bool IsTask(JsonObject activity) => TaskTypes.Contains((string)activity["type"]!);

    private static IEnumerable<JsonObject> Activities(JsonObject phase) =>
        phase["root"]!["activities"]!.AsArray().Select(a => a!.AsObject());

    private static IEnumerable<string> Connections(JsonObject phase) =>
        phase["root"]!["connections"]!.AsArray().Select(c =>
            $"{c!["source"]!["activity"]}.{c["source"]!["port"]} -> {c["target"]!["activity"]}");

    private static string Script(JsonNode? wrapped)
    {
        var expression = wrapped?["expression"];
        Assert.NotNull(expression);
        Assert.Equal("JavaScript", (string?)expression["type"]);
        return (string)expression["value"]!;
    }

    /// <summary>Every JavaScript expression anywhere under a node.</summary>
    private static IEnumerable<string> Scripts(JsonNode node) => node switch
    {
        JsonObject o when o["expression"] is JsonObject e && (string?)e["type"] == "JavaScript" => [(string)e["value"]!],
        JsonObject o => o.SelectMany(p => p.Value is null ? [] : Scripts(p.Value)),
        JsonArray a => a.SelectMany(x => x is null ? [] : Scripts(x)),
        _ => [],
    };

    private static void AssertNamesExist(JsonObject workflow, string script, string where)
    {
        var activities = Activities(workflow).Select(a => (string)a["id"]!).ToHashSet();
        var inputs = (workflow["inputs"]?.AsArray() ?? []).Select(i => (string)i!["name"]!).ToHashSet();
        foreach (Match m in ResultNames().Matches(script))
            Assert.True(activities.Contains(m.Groups[1].Value), $"{where}: '{script}' reads results.{m.Groups[1].Value}, which {workflow["definitionId"]} does not have");
        foreach (Match m in InputNames().Matches(script))
            Assert.True(inputs.Contains(m.Groups[1].Value), $"{where}: '{script}' reads inputs.{m.Groups[1].Value}, which {workflow["definitionId"]} does not declare");
    }

    private static void AssertDisplayNames(JsonNode? names, string where)
    {
        Assert.True(names is JsonObject, $"{where} has no displayNames");
        Assert.False(string.IsNullOrWhiteSpace((string?)names["en"]), $"{where} has no English display name");
        Assert.False(string.IsNullOrWhiteSpace((string?)names["zh-CN"]), $"{where} has no Chinese display name");
    }

    [GeneratedRegex(@"\bresults\.([A-Za-z_$][\w$]*)")]
    private static partial Regex ResultNames();

    [GeneratedRegex(@"\binputs\.([A-Za-z_$][\w$]*)")]
    private static partial Regex InputNames();
}
