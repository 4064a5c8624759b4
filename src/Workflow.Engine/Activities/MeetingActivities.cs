using Workflow.Engine.Values;
using static Workflow.Engine.Activities.CatalogFields;
using static Workflow.Engine.Activities.CatalogInputs;

namespace Workflow.Engine.Activities;

/// <summary>
/// Gatherings held and recorded: the phase-transition and life meetings, and the heart-to-heart
/// talks (交心谈心) which are counted rather than minuted.
/// </summary>
internal static class MeetingActivities
{
    public static readonly ActivityDescriptor Meeting = CatalogDescriptors.Task(
        "Campaign.Meeting", ActivityCategories.Meetings,
        LocalizedText.Of("Meeting", "会议"),
        LocalizedText.Of(
            "Hold and record a meeting: mobilization, study, organizational life, democratic life, work or review meeting.",
            "召开并记录一次会议，如动员会、学习会、专题组织生活会、专题民主生活会、工作会议或评议会。"),
        ForTask(
            Choice("meetingKind", "Meeting kind", "会议类型",
                "mobilization", "study", "organizationalLife", "democraticLife", "work", "review"),
            Input("scheduledDate", DataType.Date, "Scheduled date", "计划召开日期")),
        [
            Date("heldOn", "Held on", "召开日期", required: true),
            Count("attendees", "Attendees", "参会人数", "people"),
            Documents("minutes", "Minutes", "会议记录"),
            Text("decisions", "Decisions", "会议决定"),
            // A democratic life meeting's outcome is counted: "3 outstanding problems identified".
            Count("problemsIdentified", "Problems identified", "查摆问题数", "problems"),
            Findings(),
        ]);

    public static readonly ActivityDescriptor Talks = CatalogDescriptors.Task(
        "Campaign.Talks", ActivityCategories.Meetings,
        LocalizedText.Of("Heart-to-heart talks", "谈心谈话"),
        LocalizedText.Of(
            "Hold heart-to-heart talks under a rule such as the \"four must-talks\", and record how many were held.",
            "按照“四个必谈”等要求开展谈心谈话，并记录谈话次数和参与人数。"),
        ForTask(Input("rule", DataType.String, "Talk rule", "谈话要求")),
        [
            Count("talksHeld", "Talks held", "谈话次数", "talks", required: true),
            Count("participants", "Participants", "参与人数", "people"),
            Text("notes", "Notes", "谈话记录"),
        ]);
}
