using System.Text.Json;
using Workflow.Engine.Expressions;
using static Workflow.Engine.Tests.Expressions.ExpressionFixtures;

namespace Workflow.Engine.Tests.Expressions;

public class ExpressionScopeTests
{
    [Theory]
    [InlineData("results.massAppraisal.satisfaction", "0.9")]
    [InlineData("results.orgLifeMeeting.length", "2")]
    [InlineData("results.orgLifeMeeting.1.attendees", "9")]
    [InlineData("inputs.partyGroups.0.owner", "\"li\"")]
    [InlineData("inputs.satisfactionThreshold", "0.8")]
    [InlineData("variables.approved", "false")]
    [InlineData("findings.length", "2")]
    [InlineData("findings.0.title", "\"Slow replies\"")]
    [InlineData("item.owner", "\"wang\"")]
    [InlineData("item.owner.length", "4")]
    [InlineData("index", "1")]
    public void Paths_resolve_against_the_data(string path, string expectedJson)
    {
        var scope = Scope(item: ParseJson("""{"owner": "wang"}"""), index: 1);

        Assert.True(scope.TryResolve(ExpressionPath.Parse(path), out var value));
        Assert.Equal(expectedJson, value.GetRawText());
    }

    [Theory]
    [InlineData("results.review")]
    [InlineData("results.massAppraisal.heldOn")]
    [InlineData("results.massAppraisal.length")]
    [InlineData("results.orgLifeMeeting.5")]
    [InlineData("inputs.partyGroups.0.owner.first")]
    [InlineData("item")]
    [InlineData("index")]
    [InlineData("somewhere.else")]
    public void Missing_segments_do_not_resolve(string path)
    {
        Assert.False(Scope().TryResolve(ExpressionPath.Parse(path), out _));
    }

    [Fact]
    public void A_root_alone_resolves_to_the_whole_section()
    {
        Assert.True(Scope().TryResolve(ExpressionPath.Parse("variables"), out var variables));

        Assert.Equal(JsonValueKind.Object, variables.ValueKind);
        Assert.Equal(1, variables.GetProperty("round").GetInt32());
    }

    [Fact]
    public void Every_path_a_gate_reads_resolves_to_the_value_it_saw()
    {
        var gate = Compile("results.massAppraisal.satisfaction >= inputs.satisfactionThreshold && results.orgLifeMeeting.length > 1");
        var scope = Scope(0.85);

        var seen = gate.ReadPaths.ToDictionary(p => p.ToString(), p => scope.TryResolve(p, out var v) ? v.GetRawText() : "missing");

        Assert.Equal(new Dictionary<string, string>
        {
            ["results.massAppraisal.satisfaction"] = "0.85",
            ["inputs.satisfactionThreshold"] = "0.8",
            ["results.orgLifeMeeting.length"] = "2",
        }, seen);
    }
}
