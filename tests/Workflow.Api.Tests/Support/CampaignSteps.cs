using System.Net;
using static Workflow.Api.Tests.Support.SeedData;

namespace Workflow.Api.Tests.Support;

/// <summary>Drives a seed campaign over HTTP to the state a test starts from.</summary>
public static class CampaignSteps
{
    public static Guid IdOf(string location) => Guid.Parse(location.Split('/')[^1]);

    /// <summary>A new campaign, not started; returns its URL.</summary>
    public static async Task<string> CreateAsync(HttpClient client, string name = "并发测试活动", string? organization = null)
    {
        var created = await client.PostJsonAsync("/api/v1/campaigns", organization is null ? NewCampaign(name) : NewCampaign(name, organization));
        Xunit.Assert.True(created.Status == HttpStatusCode.Created, created.Text);
        return created.Header("Location")!;
    }

    /// <summary>Started: the study phase, with studyMobilization:1 active.</summary>
    public static async Task<string> StartedAsync(HttpClient client, string? organization = null)
    {
        var campaign = await CreateAsync(client, organization: organization);
        await FireAsync(client, campaign, "start");
        return campaign;
    }

    /// <summary>Just entered the analysis phase: its first task, the phase-transition work meeting, is open.</summary>
    public static async Task<string> AtAnalysisStartAsync(HttpClient client, string? organization = null)
    {
        var campaign = await StartedAsync(client, organization);
        await CompleteAsync(client, campaign, "studyMobilization:1", Meeting("2023-03-01"));
        await CompleteAsync(client, campaign, "centralizedStudy:1", Meeting("2023-03-10"));
        await CompleteAsync(client, campaign, "researchVisits:1", new { result = new { findings = new[] { Finding("师资不足", "problem") } } });
        await CompleteAsync(client, campaign, "studySummary:1", Document("study-summary"));
        await CompleteAsync(client, campaign, "summaryApproval:1", new { outcome = "Approved", result = new { } });
        await FireAsync(client, campaign, "advance", "转入分析检查阶段");
        return campaign;
    }

    /// <summary>In the analysis phase after the mobilization meeting: collectOpinions:1, heartToHeartTalks:1 and studyAndRules:1 are active in parallel.</summary>
    public static async Task<string> InAnalysisAsync(HttpClient client, string? organization = null)
    {
        var campaign = await AtAnalysisStartAsync(client, organization);
        await CompleteAsync(client, campaign, "mobilizationMeeting:1", Meeting("2023-06-10"));
        return campaign;
    }

    /// <summary>In the analysis phase with the report reviewed and the statements in: one orgLifeMeeting:1:n per party group is active (leader.zhang, leader.li).</summary>
    public static async Task<string> AtOrgLifeMeetingsAsync(HttpClient client, string? organization = null)
    {
        var campaign = await InAnalysisAsync(client, organization);
        foreach (var (taskId, body) in ParallelAnalysisTasks) await CompleteAsync(client, campaign, taskId, body);
        await CompleteAsync(client, campaign, "draftReport:1", Document("draft-1"));
        await CompleteAsync(client, campaign, "guidanceReview:1", new { outcome = "Approved", result = new { } });
        await CompleteAsync(client, campaign, "memberComments:1", new { outcome = "Approved", result = new { } });
        await CompleteAsync(client, campaign, "personalStatements:1:0", Document("statement-0"));
        await CompleteAsync(client, campaign, "personalStatements:1:1", Document("statement-1"));
        return campaign;
    }

    /// <summary>
    /// Through the analysis phase to the mass appraisal, appraised with <paramref name="satisfied"/> of <paramref name="participants"/>
    /// satisfied: below the 80 % threshold the appraisalSatisfaction gate is unmet and finalizeReport:2 is open.
    /// </summary>
    public static async Task<string> AppraisedAsync(HttpClient client, int participants, int satisfied, string? organization = null)
    {
        var campaign = await AtOrgLifeMeetingsAsync(client, organization);
        await CompleteAsync(client, campaign, "orgLifeMeeting:1:0", Meeting("2023-06-20"));
        await CompleteAsync(client, campaign, "orgLifeMeeting:1:1", Meeting("2023-06-20"));
        await CompleteAsync(client, campaign, "democraticLifeMeeting:1", DemocraticLifeMeeting());
        await CompleteAsync(client, campaign, "finalizeReport:1", Document("report-final"));
        await CompleteAsync(client, campaign, "massAppraisal:1", Appraisal(participants, satisfied));
        return campaign;
    }

    public static async Task<ApiResponse> CompleteAsync(HttpClient client, string campaign, string taskId, object body)
    {
        var response = await client.PostJsonAsync($"{campaign}/tasks/{taskId}/complete", body);
        Xunit.Assert.True(response.Status == HttpStatusCode.OK, $"{taskId}: {response.Text}");
        return response;
    }

    public static async Task<ApiResponse> FireAsync(HttpClient client, string campaign, string trigger, string reason = "按计划推进")
    {
        var response = await client.PostJsonAsync($"{campaign}/transitions", new { trigger, reason });
        Xunit.Assert.True(response.Status == HttpStatusCode.OK, $"{trigger}: {response.Text}");
        return response;
    }

    /// <summary>The body that completes each of the three parallel analysis tasks.</summary>
    public static readonly IReadOnlyDictionary<string, object> ParallelAnalysisTasks = new Dictionary<string, object>
    {
        ["collectOpinions:1"] = Opinions(),
        ["heartToHeartTalks:1"] = new { result = new { talksHeld = 80 } },
        ["studyAndRules:1"] = new { result = new { documentsPlanned = 6, documentsIssued = 4 } },
    };
}
