using Workflow.Engine.Values;
using static Workflow.Engine.Activities.CatalogInputs;

namespace Workflow.Engine.Activities;

/// <summary>Messages the engine sends on its own; nobody has to act for the flow to go on.</summary>
internal static class NotificationActivities
{
    public static readonly ActivityDescriptor Notification = CatalogDescriptors.Automatic(
        "Campaign.Notification", ActivityCategories.Notifications,
        LocalizedText.Of("Notification", "通知"),
        LocalizedText.Of(
            "Sends a message to people or roles when reached, without waiting for them.",
            "流程到达时向指定人员或角色发送通知，无需等待办理。"),
        [
            Input("recipients", DataType.Array, "Recipients", "接收人"),
            Input("subject", DataType.String, "Subject", "标题"),
            Input("message", DataType.Text, "Message", "正文"),
        ]);
}
