using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Workflow.Engine.Activities;

/// <summary>
/// The built-in activity types (docs/definition-format.md, "Activity catalog"). The loader, the
/// interpreter, the API and the designer all read this one list, so a type is described once.
/// </summary>
public static class ActivityCatalog
{
    /// <summary>Every built-in descriptor: control flow first, then the campaign tasks, in the doc's order.</summary>
    public static ImmutableArray<ActivityDescriptor> All { get; } =
    [
        ControlFlowActivities.Start,
        ControlFlowActivities.End,
        ControlFlowActivities.Decision,
        ControlFlowActivities.Fork,
        ControlFlowActivities.Join,
        ControlFlowActivities.SetVariable,
        TimerActivities.Delay,
        NotificationActivities.Notification,
        MeetingActivities.Meeting,
        DocumentActivities.DocumentDrafting,
        DocumentActivities.Review,
        ParticipationActivities.OpinionCollection,
        MeetingActivities.Talks,
        ParticipationActivities.Appraisal,
        FindingActivities.Finding,
        FindingActivities.RectificationItem,
    ];

    // Type names are identifiers in definition files: matched exactly, as Elsa does.
    private static readonly FrozenDictionary<string, ActivityDescriptor> ByTypeName =
        All.ToFrozenDictionary(d => d.TypeName, StringComparer.Ordinal);

    /// <summary>The descriptor of a type name (exact, case-sensitive), or null if there is none.</summary>
    public static ActivityDescriptor? Find(string typeName) =>
        typeName is not null && ByTypeName.TryGetValue(typeName, out var descriptor) ? descriptor : null;
}
