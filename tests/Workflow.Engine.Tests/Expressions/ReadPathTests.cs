using static Workflow.Engine.Tests.Expressions.ExpressionFixtures;

namespace Workflow.Engine.Tests.Expressions;

public class ReadPathTests
{
    [Theory]
    [InlineData("results.massAppraisal.satisfaction >= inputs.satisfactionThreshold", "results.massAppraisal.satisfaction inputs.satisfactionThreshold")]
    [InlineData("results.orgLifeMeeting.every(m => m.attendees > 0)", "results.orgLifeMeeting")]
    [InlineData("results.orgLifeMeeting.length === inputs.partyGroups.length", "results.orgLifeMeeting.length inputs.partyGroups.length")]
    [InlineData("inputs.partyGroups[0].owner", "inputs.partyGroups")]
    [InlineData("results['massAppraisal'].satisfaction", "results")]
    [InlineData("Object.keys(results).length", "results")]
    [InlineData("results.review?.commentCount ?? 0", "results.review.commentCount")]
    [InlineData("results.massAppraisal.satisfaction.toFixed(2)", "results.massAppraisal.satisfaction")]
    [InlineData("inputs.satisfactionThreshold + inputs.satisfactionThreshold", "inputs.satisfactionThreshold")]
    [InlineData("inputs.partyGroups.map(results => results.owner)", "inputs.partyGroups")]
    [InlineData("findings.length + variables.round", "findings.length variables.round")]
    [InlineData("Math.max(1, 2)", "")]
    public void Read_paths_are_the_maximal_static_chains(string source, string expected)
    {
        var expression = Compile(source);

        Assert.Equal(expected, string.Join(' ', expression.ReadPaths.Select(p => p.ToString())));
    }

    [Fact]
    public void Item_and_index_are_read_paths_in_a_multi_instance_activity()
    {
        var expression = Compile("item.owner + index", MultiInstance);

        Assert.Equal(["item.owner", "index"], expression.ReadPaths.Select(p => p.ToString()));
    }

    [Fact]
    public void Read_activities_are_distinct_and_in_order_of_appearance()
    {
        var expression = Compile(
            "results.orgLifeMeeting.every(m => m.attendees > 0) && results.massAppraisal.participants > 0 && results.orgLifeMeeting.length > 1");

        Assert.Equal(["orgLifeMeeting", "massAppraisal"], expression.ReadActivities.AsEnumerable());
        Assert.Equal(["results.orgLifeMeeting", "results.massAppraisal.participants", "results.orgLifeMeeting.length"],
            expression.ReadPaths.Select(p => p.ToString()));
    }

    [Fact]
    public void An_expression_that_reads_no_results_reads_no_activities()
    {
        Assert.Empty(Compile("inputs.partyGroups.length > 0").ReadActivities);
    }
}
