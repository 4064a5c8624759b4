using Workflow.Engine.Values;
using static Workflow.Engine.Activities.CatalogFields;
using static Workflow.Engine.Activities.CatalogInputs;

namespace Workflow.Engine.Activities;

/// <summary>
/// Writing and reviewing documents: the analysis and inspection report goes draft → review →
/// revision until the reviewer approves; institutional rules are planned and issued.
/// </summary>
internal static class DocumentActivities
{
    public const string ApprovedPort = "Approved";
    public const string ChangesRequestedPort = "ChangesRequested";

    public static readonly ActivityDescriptor DocumentDrafting = CatalogDescriptors.Task(
        "Campaign.DocumentDrafting", ActivityCategories.Documents,
        LocalizedText.Of("Document drafting", "文稿起草"),
        LocalizedText.Of(
            "Draft and issue documents, such as the analysis and inspection report or the campaign's institutional rules.",
            "起草并印发文稿，如领导班子分析检查报告或活动的各项制度。"),
        ForTask(Input("documentKind", DataType.String, "Document kind", "文稿类型")),
        [
            Documents("documents", "Documents", "文稿"),
            Count("documentsPlanned", "Documents planned", "计划制定数", "documents"),
            Count("documentsIssued", "Documents issued", "已印发数", "documents"),
            Text("summary", "Summary", "情况说明"),
        ],
        [
            NotAbove("documentsIssuedWithinPlanned", "documentsPlanned",
                "{documentsIssued} documents issued exceed the {documentsPlanned} planned.",
                "已印发文件数（{documentsIssued}）不能超过计划制定数（{documentsPlanned}）。",
                "documentsIssued"),
        ]);

    public static readonly ActivityDescriptor Review = CatalogDescriptors.Task(
        "Campaign.Review", ActivityCategories.Documents,
        LocalizedText.Of("Review", "审阅"),
        LocalizedText.Of(
            "A reviewer reads a document and either approves it or requests changes; the outcome chooses the way on.",
            "审阅人审阅文稿，作出“同意”或“退回修改”的结论，流程按结论走向不同分支。"),
        ForTask(Input("subject", DataType.String, "Subject", "审阅对象")),
        [
            Date("reviewedOn", "Reviewed on", "审阅日期"),
            Text("comments", "Comments", "审阅意见"),
            Count("commentCount", "Number of comments", "意见条数", "comments"),
        ],
        ports: [ApprovedPort, ChangesRequestedPort]);
}
