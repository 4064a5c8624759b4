namespace Workflow.Engine.Tests.Support;

/// <summary>
/// The real figures of the seed document (an education bureau's stage summary), as task results.
/// Party groups and team members are not named in the seed; these stand in for them.
/// </summary>
internal static class SeedFigures
{
    public static readonly object[] PartyGroups =
    [
        new { id = "group-1", name = "机关第一党小组", leader = "leader.zhang" },
        new { id = "group-2", name = "机关第二党小组", leader = "leader.li" },
        new { id = "group-3", name = "离退休党小组", leader = "leader.wang" },
    ];

    public static readonly string[] TeamMembers = ["secretary.chen", "deputy.liu", "deputy.zhao", "inspector.sun"];

    public static object Parameters(object? overrides = null)
    {
        var parameters = new Dictionary<string, object> { ["partyGroups"] = PartyGroups, ["teamMembers"] = TeamMembers };
        if (overrides is not null)
            foreach (var property in overrides.GetType().GetProperties()) parameters[property.Name] = property.GetValue(overrides)!;
        return parameters;
    }

    public static object Meeting(string date, object[]? findings = null, int? problems = null) => findings is null
        ? new { heldOn = date }
        : new { heldOn = date, problemsIdentified = problems ?? findings.Length, findings };

    /// <summary>问计于民: 25 suggestions, 21 resolved, 4 pending; 180 forms issued, 125 returned; 14 → 8 and 6 → 3 opinions.</summary>
    public static object Opinions() => new
    {
        suggestionsReceived = 25,
        suggestionsResolved = 21,
        suggestionsPending = 4,
        formsIssued = 180,
        formsReturned = 125,
        anonymousRespondents = 45,
        opinionsOnTeamRaw = 14,
        opinionsOnTeamConsolidated = 8,
        opinionsOnMembersRaw = 6,
        opinionsOnMembersConsolidated = 3,
        findings = Enumerable.Range(1, 8).Select(i => Finding($"班子意见 {i}", "opinion"))
            .Concat(Enumerable.Range(1, 3).Select(i => Finding($"个人意见 {i}", "opinion"))).ToArray(),
    };

    /// <summary>The democratic life meeting of 2023-06-22 identified 3 outstanding problems.</summary>
    public static object DemocraticLifeMeeting() => Meeting("2023-06-22",
        [Finding("学习研讨不够深入", "problem"), Finding("自我检查不够认真", "problem"), Finding("整改措施不够得力", "problem")]);

    public static object Finding(string title, string kind) =>
        new { title, kind, office = "办公室", owner = "office.head", deadline = "2023-09-30" };

    public static object Appraisal(int participants, int satisfied) => new { heldOn = "2023-06-25", participants, satisfied };

    public static object Document(string name) => new { documents = Documents(name) };

    public static object[] Documents(string name) =>
        [new { uri = $"https://docs.example/{name}.pdf", sha256 = new string('a', 64), title = name }];
}
