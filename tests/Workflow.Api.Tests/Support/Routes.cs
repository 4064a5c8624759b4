using System.Text.RegularExpressions;

namespace Workflow.Api.Tests.Support;

/// <summary>Turns route templates into URLs, for tests that walk every endpoint.</summary>
public static partial class Routes
{
    /// <summary>Fills {id:guid} with the campaign, {taskId} with the task, {…:int} with 1 and anything else with "x".</summary>
    public static string Fill(string template, Guid campaignId, string taskId = "x:1") =>
        "/" + Parameter().Replace(template.TrimStart('/'), m => m.Groups["name"].Value switch
        {
            "id" => campaignId.ToString(),
            "taskId" => taskId,
            _ when m.Groups["constraint"].Value.Contains("int", StringComparison.Ordinal) => "1",
            _ when m.Groups["constraint"].Value.Contains("guid", StringComparison.Ordinal) => Guid.NewGuid().ToString(),
            _ => "x",
        });

    [GeneratedRegex(@"\{\*{0,2}(?<name>\w+)(?<constraint>:[^}]*)?\??\}")]
    private static partial Regex Parameter();
}
