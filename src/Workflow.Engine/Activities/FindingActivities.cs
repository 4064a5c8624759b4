using Workflow.Engine.Values;
using static Workflow.Engine.Activities.CatalogFields;
using static Workflow.Engine.Activities.CatalogInputs;

namespace Workflow.Engine.Activities;

/// <summary>
/// Problems found and put right: findings recorded in any phase become rectification items with
/// an office, an owner and a deadline (限期整改), each closed only with evidence.
/// </summary>
internal static class FindingActivities
{
    public static readonly ActivityDescriptor Finding = CatalogDescriptors.Task(
        "Campaign.Finding", ActivityCategories.Findings,
        LocalizedText.Of("Findings", "问题发现"),
        LocalizedText.Of(
            "Record the problems, opinions and suggestions found, with the office and owner responsible and a deadline.",
            "登记查找出的问题、意见和建议，明确责任科室、责任人和整改时限。"),
        ForTask(),
        [Findings(required: true)]);

    public static readonly ActivityDescriptor RectificationItem = CatalogDescriptors.Task(
        "Campaign.RectificationItem", ActivityCategories.Findings,
        LocalizedText.Of("Rectification item", "整改事项"),
        LocalizedText.Of(
            "Put one finding right and close it with evidence of what was done.",
            "针对一项问题落实整改，并提交整改佐证材料后销号。"),
        ForTask(Input("finding", DataType.Object, "Finding", "对应问题")),
        [
            // Closing an item without evidence is what the supervision is meant to prevent.
            Documents("evidence", "Evidence", "整改佐证材料", required: true, minimumItems: 1),
            Text("summary", "Summary", "整改情况", required: true),
            Date("closedOn", "Closed on", "销号日期"),
        ]);
}
