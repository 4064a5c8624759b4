using System.Text.Json.Nodes;
using Workflow.Engine.Definitions;
using Workflow.Engine.Tests.Support;
using Workflow.Engine.Validation;

namespace Workflow.Engine.Tests.Compilation;

/// <summary>Loading applies the identity rule (id + version + content hash) and checks templates against their workflows.</summary>
public sealed class DefinitionLibraryTests
{
    private static string Read(string relative) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "workflows", relative));

    [Fact]
    public void LoadFolder_TheShippedDefinitions_LoadWithoutProblems()
    {
        var load = Support.Definitions.Load;
        Assert.True(load.Succeeded, string.Join(Environment.NewLine, load.Problems));
        Assert.Equal(["analysis-phase", "rectification-phase", "study-phase"], load.Library.Workflows.Select(w => w.Identity.DefinitionId));
        Assert.Equal(["study", "analysis", "rectification"], Support.Definitions.SeedTemplate.Phases.Select(p => p.Id));
    }

    [Fact]
    public void Load_TheSameFileTwice_IsOneVersion()
    {
        var json = Read("phases/study-phase.json");
        var load = DefinitionLibrary.Load([new("a.json", json), new("b.json", json)]);
        Assert.True(load.Succeeded);
        Assert.Single(load.Library.Workflows);
    }

    [Fact]
    public void Load_TheSameVersionWithDifferentContent_IsAConflict()
    {
        var json = Read("phases/study-phase.json");
        var changed = JsonNode.Parse(json)!.AsObject();
        changed["description"] = "quietly edited";
        var load = DefinitionLibrary.Load([new("a.json", json), new("b.json", changed.ToJsonString())]);
        var problem = Assert.Single(load.Problems);
        Assert.Equal(("b.json", ValidationCodes.DefinitionVersionConflict), (problem.Source, problem.Error.Code));
        Assert.Contains("study-phase v1 is already defined by 'a.json'", problem.Error.Message);
    }

    [Fact]
    public void Hash_IgnoresPublicationMetadataAndFormatting_ButNotContent()
    {
        var json = Read("phases/study-phase.json");
        var node = JsonNode.Parse(json)!.AsObject();
        node["isPublished"] = true;
        node["createdAt"] = "2026-11-25T00:00:00Z";
        var original = DefinitionParser.Parse(json).Identity!;
        Assert.Equal(original, DefinitionParser.Parse(node.ToJsonString()).Identity);
        node["name"] = "改名";
        Assert.NotEqual(original.ContentHash, DefinitionParser.Parse(node.ToJsonString()).Identity!.ContentHash);
        Assert.Matches("^[0-9a-f]{64}$", original.ContentHash);
    }

    [Fact]
    public void Template_ReferringToAMissingWorkflowOrUnboundInput_IsReported()
    {
        var template = Support.Definitions.SeedTemplateJson();
        template["phases"]![2]!["workflow"]!["version"] = 9;
        template["inputs"] = new JsonArray(template["inputs"]!.AsArray().Where(i => i!["name"]!.GetValue<string>() != "teamMembers").Select(i => i!.DeepClone()).ToArray());
        var problems = Support.Definitions.LoadWithTemplate(template).Problems.Select(p => (p.Error.Code, p.Error.JsonPointer)).ToList();
        Assert.Contains((ValidationCodes.TemplateWorkflowUnknown, "/phases/2/workflow"), problems);
        Assert.Contains((ValidationCodes.TemplateWorkflowInputUnbound, "/phases/1/workflow"), problems);
    }

    [Fact]
    public void Template_GateReadingAnActivityThePhaseDoesNotHave_IsReportedAtTheGate()
    {
        var template = Support.Definitions.SeedTemplateJson();
        template["phases"]![1]!["exitGates"]![0]!["condition"] = Flow.Expression("results.massApraisal.satisfaction > 0");
        template["phases"]![0]!["outputs"]!["notAVariable"] = Flow.Expression("1");
        var problems = Support.Definitions.LoadWithTemplate(template).Problems;
        Assert.Contains(problems, p => p.Error.Code == ValidationCodes.ExpressionUnknownName && p.Error.JsonPointer == "/phases/1/exitGates/0/condition"
                                       && p.Error.Message.Contains("massApraisal"));
        Assert.Contains(problems, p => p.Error.Code == ValidationCodes.TemplateOutputUnknownVariable && p.Error.JsonPointer == "/phases/0/outputs/notAVariable");
    }
}
