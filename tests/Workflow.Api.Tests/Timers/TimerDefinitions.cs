namespace Workflow.Api.Tests.Timers;

/// <summary>
/// Definitions with every kind of timer, written into a folder the test host imports. The "work" phase forks into three
/// branches: a report with reminders and escalation, a three-day delay before a task, and a quick task that times out
/// into a late task; its deadline is five days. "crash-campaign" waits two real seconds, for the process test.
/// </summary>
internal static class TimerDefinitions
{
    public const string TemplateId = "timer-campaign";
    public const string CrashTemplateId = "crash-campaign";

    private const string Phase = """
        {
          "definitionId": "timer-phase", "version": 1, "name": "定时流程",
          "root": {
            "type": "Elsa.Flowchart", "id": "timer-flowchart",
            "activities": [
              { "id": "start", "type": "Elsa.Start" },
              { "id": "fork", "type": "Elsa.FlowFork", "branches": ["remind", "wait", "timeout"] },
              { "id": "report", "type": "Campaign.Meeting", "name": "情况汇报", "assignee": "alice", "dueInDays": 2,
                "remindBeforeDue": "1.00:00:00", "remindOverdueEvery": "P1D", "remindOverdueMax": 2,
                "escalateTo": "supervisor", "escalateAfterDays": 2 },
              { "id": "wait", "type": "Elsa.Delay", "timeSpan": "3.00:00:00" },
              { "id": "afterWait", "type": "Campaign.Meeting", "assignee": "bob" },
              { "id": "quick", "type": "Campaign.Meeting", "assignee": "carol", "dueInDays": 1, "timeout": true },
              { "id": "late", "type": "Campaign.Meeting", "assignee": "dave" },
              { "id": "quickOrLate", "type": "Elsa.FlowJoin", "mode": "WaitAny" },
              { "id": "all", "type": "Elsa.FlowJoin", "mode": "WaitAll" },
              { "id": "end", "type": "Elsa.End" }
            ],
            "connections": [
              { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "fork", "port": "In" } },
              { "source": { "activity": "fork", "port": "remind" }, "target": { "activity": "report", "port": "In" } },
              { "source": { "activity": "fork", "port": "wait" }, "target": { "activity": "wait", "port": "In" } },
              { "source": { "activity": "fork", "port": "timeout" }, "target": { "activity": "quick", "port": "In" } },
              { "source": { "activity": "wait", "port": "Done" }, "target": { "activity": "afterWait", "port": "In" } },
              { "source": { "activity": "quick", "port": "Timeout" }, "target": { "activity": "late", "port": "In" } },
              { "source": { "activity": "quick", "port": "Done" }, "target": { "activity": "quickOrLate", "port": "In" } },
              { "source": { "activity": "late", "port": "Done" }, "target": { "activity": "quickOrLate", "port": "In" } },
              { "source": { "activity": "report", "port": "Done" }, "target": { "activity": "all", "port": "In" } },
              { "source": { "activity": "afterWait", "port": "Done" }, "target": { "activity": "all", "port": "In" } },
              { "source": { "activity": "quickOrLate", "port": "Done" }, "target": { "activity": "all", "port": "In" } },
              { "source": { "activity": "all", "port": "Done" }, "target": { "activity": "end", "port": "In" } }
            ]
          }
        }
        """;

    private const string Template = """
        {
          "definitionId": "timer-campaign", "version": 1, "name": "定时活动",
          "phases": [ { "id": "work", "name": "办理", "workflow": { "definitionId": "timer-phase", "version": 1 }, "deadline": "P5D" } ]
        }
        """;

    private const string CrashPhase = """
        {
          "definitionId": "crash-phase", "version": 1, "name": "等待",
          "root": {
            "type": "Elsa.Flowchart", "id": "crash-flowchart",
            "activities": [
              { "id": "start", "type": "Elsa.Start" },
              { "id": "pause", "type": "Elsa.Delay", "timeSpan": "00:00:02" },
              { "id": "follow", "type": "Campaign.Meeting", "assignee": "alice" },
              { "id": "end", "type": "Elsa.End" }
            ],
            "connections": [
              { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "pause", "port": "In" } },
              { "source": { "activity": "pause", "port": "Done" }, "target": { "activity": "follow", "port": "In" } },
              { "source": { "activity": "follow", "port": "Done" }, "target": { "activity": "end", "port": "In" } }
            ]
          }
        }
        """;

    private const string CrashTemplate = """
        {
          "definitionId": "crash-campaign", "version": 1, "name": "崩溃测试",
          "phases": [ { "id": "waiting", "name": "等待", "workflow": { "definitionId": "crash-phase", "version": 1 } } ]
        }
        """;

    /// <summary>Writes the definitions into a new folder under <paramref name="parent"/> and returns it.</summary>
    public static string WriteFolder(string parent)
    {
        var folder = Path.Combine(parent, "workflows");
        Directory.CreateDirectory(Path.Combine(folder, "phases"));
        Directory.CreateDirectory(Path.Combine(folder, "templates"));
        File.WriteAllText(Path.Combine(folder, "phases", "timer-phase.json"), Phase);
        File.WriteAllText(Path.Combine(folder, "phases", "crash-phase.json"), CrashPhase);
        File.WriteAllText(Path.Combine(folder, "templates", "timer-campaign.json"), Template);
        File.WriteAllText(Path.Combine(folder, "templates", "crash-campaign.json"), CrashTemplate);
        return folder;
    }

    public static object NewCampaign(string organization, string template = TemplateId) => new
    {
        templateId = template, templateVersion = 1, name = "定时测试", organization, parameters = new { },
    };
}
