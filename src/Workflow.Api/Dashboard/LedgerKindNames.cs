using System.Collections.Frozen;

namespace Workflow.Api.Dashboard;

/// <summary>What each ledger kind means, in English and Chinese, for people reading the latest events (a test keeps it equal to LedgerKinds.All).</summary>
public static class LedgerKindNames
{
    internal static readonly FrozenDictionary<string, (string En, string Zh)> Names = new Dictionary<string, (string, string)>
    {
        ["campaign.created"] = ("Campaign created", "活动已创建"),
        ["campaign.event"] = ("Campaign event received", "收到活动事件"),
        ["campaign.variablesSet"] = ("Campaign variables set", "活动变量已设置"),
        ["phase.transitioned"] = ("Phase changed", "阶段已转换"),
        ["gates.evaluated"] = ("Gates evaluated", "关口已评估"),
        ["workflow.started"] = ("Phase workflow started", "阶段流程已启动"),
        ["workflow.completed"] = ("Phase workflow completed", "阶段流程已完成"),
        ["workflow.cancelled"] = ("Phase workflow cancelled", "阶段流程已取消"),
        ["workflow.event"] = ("Workflow event received", "收到流程事件"),
        ["task.activated"] = ("Task opened", "任务已下达"),
        ["task.completed"] = ("Task completed", "任务已完成"),
        ["task.reassigned"] = ("Task reassigned", "任务已转办"),
        ["task.cancelled"] = ("Task cancelled", "任务已取消"),
        ["activity.completed"] = ("Step completed", "步骤已完成"),
        ["activity.faulted"] = ("Step failed", "步骤出错"),
        ["join.arrived"] = ("Branch arrived at a join", "分支已汇合"),
        ["variable.set"] = ("Variable set", "变量已设置"),
        ["finding.recorded"] = ("Finding recorded", "问题已登记"),
        ["notification.requested"] = ("Notification requested", "已请求发送通知"),
        ["incident.opened"] = ("Incident opened", "故障已记录"),
        ["incident.retried"] = ("Incident retried", "故障已重试"),
        ["incident.retry_failed"] = ("Incident retry failed", "故障重试失败"),
        ["incident.resolved"] = ("Incident resolved", "故障已解决"),
        ["incident.skipped"] = ("Incident skipped", "故障已跳过"),
        ["incident.withdrawn"] = ("Incident withdrawn", "故障已撤销"),
        ["task.reminded"] = ("Task reminder sent", "任务已催办"),
        ["task.escalated"] = ("Task escalated", "任务已上报"),
        ["task.timed_out"] = ("Task timed out", "任务已超时"),
        ["delay.started"] = ("Wait started", "等待已开始"),
        ["delay.elapsed"] = ("Wait elapsed", "等待已结束"),
        ["phase.deadline_scheduled"] = ("Phase deadline set", "阶段期限已设定"),
        ["phase.deadline_passed"] = ("Phase deadline passed", "阶段期限已过"),
        ["ledger.anchored"] = ("Ledger anchored", "台账已锚定"),
        ["definition.draftCreated"] = ("Draft created", "草稿已创建"),
        ["definition.draftUpdated"] = ("Draft updated", "草稿已更新"),
        ["definition.draftDeleted"] = ("Draft deleted", "草稿已删除"),
        ["definition.published"] = ("Definition published", "定义已发布"),
        ["definition.retracted"] = ("Definition retracted", "定义已撤回"),
        ["definition.imported"] = ("Definition imported", "定义已导入"),
        ["organization.created"] = ("Unit added", "单位已添加"),
        ["organization.updated"] = ("Unit renamed", "单位已更名"),
        ["organization.moved"] = ("Unit moved", "单位已调整隶属"),
        ["organization.deleted"] = ("Unit deleted", "单位已删除"),
        ["group.created"] = ("Group created", "群组已创建"),
        ["group.deleted"] = ("Group deleted", "群组已删除"),
        ["group.memberAdded"] = ("Group member added", "群组成员已添加"),
        ["group.memberChanged"] = ("Group member changed", "群组成员已变更"),
        ["group.memberRemoved"] = ("Group member removed", "群组成员已移除"),
        ["role.granted"] = ("Role granted", "角色已授予"),
        ["role.revoked"] = ("Role revoked", "角色已撤销"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The kind's name in the language; the kind itself when it is one this table does not know.</summary>
    public static string Of(string kind, bool chinese) => Names.TryGetValue(kind, out var n) ? (chinese ? n.Zh : n.En) : kind;
}
