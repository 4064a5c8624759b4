namespace Workflow.Api.Tests.Support;

/// <summary>The seed campaign's real figures, as an integrator would send them.</summary>
public static class SeedData
{
    public static readonly object Parameters = new
    {
        partyGroups = new[]
        {
            new { id = "group-1", name = "机关第一党小组", leader = "leader.zhang" },
            new { id = "group-2", name = "机关第二党小组", leader = "leader.li" },
        },
        teamMembers = new[] { "secretary.chen", "deputy.liu" },
    };

    public static object NewCampaign(string name = "教育体育局深入学习实践活动", string organization = "district-education-bureau") => new
    {
        templateId = "scientific-outlook-campaign",
        templateVersion = 1,
        name,
        organization,
        parameters = Parameters,
    };

    public static object Meeting(string date) => new { result = new { heldOn = date } };

    public static object Document(string name) => new
    {
        result = new { documents = new[] { new { uri = $"https://docs.example/{name}.pdf", sha256 = new string('b', 64) } } },
    };

    public static object Finding(string title, string kind) => new { title, kind, office = "办公室", owner = "office.head", deadline = "2023-09-30" };

    public static object Opinions() => new
    {
        result = new
        {
            suggestionsReceived = 25, suggestionsResolved = 21, suggestionsPending = 4,
            formsIssued = 180, formsReturned = 125, anonymousRespondents = 45,
            opinionsOnTeamRaw = 14, opinionsOnTeamConsolidated = 8, opinionsOnMembersRaw = 6, opinionsOnMembersConsolidated = 3,
            findings = Enumerable.Range(1, 11).Select(i => Finding($"意见 {i}", "opinion")).ToArray(),
        },
    };

    public static object DemocraticLifeMeeting() => new
    {
        result = new
        {
            heldOn = "2023-06-22", problemsIdentified = 3,
            findings = new[] { Finding("学习研讨不够深入", "problem"), Finding("自我检查不够认真", "problem"), Finding("整改措施不够得力", "problem") },
        },
    };

    public static object Appraisal(int participants, int satisfied) => new { result = new { heldOn = "2023-06-25", participants, satisfied } };
}
