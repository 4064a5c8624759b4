using System.Collections.Frozen;
using Workflow.Engine.Values;

namespace Workflow.Engine.Activities;

/// <summary>
/// The stable keys of the designer's toolbox groups. Descriptors carry the key, not the label,
/// so that a renamed label never breaks a client that groups or filters by category.
/// </summary>
public static class ActivityCategories
{
    public const string ControlFlow = "controlFlow";
    public const string Meetings = "meetings";
    public const string Documents = "documents";
    public const string Participation = "participation";
    public const string Findings = "findings";
    public const string Notifications = "notifications";

    /// <summary>The label of each category, in English and Chinese.</summary>
    public static FrozenDictionary<string, LocalizedText> DisplayNames { get; } =
        new Dictionary<string, LocalizedText>(StringComparer.Ordinal)
        {
            [ControlFlow] = LocalizedText.Of("Control flow", "流程控制"),
            [Meetings] = LocalizedText.Of("Meetings", "会议"),
            [Documents] = LocalizedText.Of("Documents", "文稿"),
            [Participation] = LocalizedText.Of("Participation", "群众参与"),
            [Findings] = LocalizedText.Of("Findings", "问题整改"),
            [Notifications] = LocalizedText.Of("Notifications", "通知"),
        }.ToFrozenDictionary(StringComparer.Ordinal);
}
