import type { Language } from '../shared/i18n';
import type { ledgerKinds } from './ledgerFilter';

// What the ledger's entry kinds and states say, in both languages. The server writes stable codes
// (task.completed, active → completed) that integrators and the verifier rely on; the page words
// them. entryWords.test.ts keeps every kind the server writes worded.

type Words = Record<Language, string>;

export const kindWords: Record<(typeof ledgerKinds)[number], Words> = {
  'campaign.created': { en: 'Campaign created', 'zh-CN': '创建活动' },
  'campaign.variablesSet': { en: 'Campaign values set', 'zh-CN': '设置活动变量' },
  'phase.transitioned': { en: 'Phase changed', 'zh-CN': '阶段转换' },
  'workflow.started': { en: 'Phase workflow started', 'zh-CN': '阶段流程开始' },
  'workflow.completed': { en: 'Phase workflow completed', 'zh-CN': '阶段流程完成' },
  'workflow.cancelled': { en: 'Phase workflow cancelled', 'zh-CN': '阶段流程撤销' },
  'task.activated': { en: 'Task opened', 'zh-CN': '任务下达' },
  'task.completed': { en: 'Task completed', 'zh-CN': '任务办结' },
  'task.reassigned': { en: 'Task reassigned', 'zh-CN': '任务转办' },
  'task.cancelled': { en: 'Task cancelled', 'zh-CN': '任务撤销' },
  'activity.completed': { en: 'Step completed', 'zh-CN': '环节完成' },
  'activity.faulted': { en: 'Step failed', 'zh-CN': '环节出错' },
  'incident.opened': { en: 'Incident opened', 'zh-CN': '故障登记' },
  'incident.retried': { en: 'Incident retried', 'zh-CN': '故障重试' },
  'incident.retry_failed': { en: 'Incident retry failed', 'zh-CN': '故障重试失败' },
  'incident.resolved': { en: 'Incident resolved', 'zh-CN': '故障解决' },
  'incident.skipped': { en: 'Incident skipped', 'zh-CN': '故障跳过' },
  'incident.withdrawn': { en: 'Incident withdrawn', 'zh-CN': '故障撤回' },
  'gates.evaluated': { en: 'Exit gates checked', 'zh-CN': '转段条件核验' },
  'variable.set': { en: 'Value set', 'zh-CN': '设置变量' },
  'finding.recorded': { en: 'Finding recorded', 'zh-CN': '登记问题' },
  'join.arrived': { en: 'Branch arrived at a join', 'zh-CN': '分支汇合' },
  'notification.requested': { en: 'Notification requested', 'zh-CN': '发送通知' },
  'task.reminded': { en: 'Task reminder', 'zh-CN': '任务催办' },
  'task.escalated': { en: 'Task escalated', 'zh-CN': '任务督办上报' },
  'task.timed_out': { en: 'Task timed out', 'zh-CN': '任务超时' },
  'delay.started': { en: 'Wait started', 'zh-CN': '开始等待' },
  'delay.elapsed': { en: 'Wait elapsed', 'zh-CN': '等待结束' },
  'phase.deadline_scheduled': { en: 'Phase deadline set', 'zh-CN': '设定阶段期限' },
  'phase.deadline_passed': { en: 'Phase deadline passed', 'zh-CN': '阶段期限已过' },
  'definition.draftCreated': { en: 'Draft created', 'zh-CN': '创建草稿' },
  'definition.draftUpdated': { en: 'Draft updated', 'zh-CN': '修改草稿' },
  'definition.draftDeleted': { en: 'Draft deleted', 'zh-CN': '删除草稿' },
  'definition.published': { en: 'Version published', 'zh-CN': '发布版本' },
  'definition.retracted': { en: 'Version retracted', 'zh-CN': '撤回版本' },
  'definition.imported': { en: 'Definition imported', 'zh-CN': '导入定义' },
};

/** The states entries move between (Workflow.Storage EntryDescription); phase ids and principals are shown as they are. */
const stateWords: Record<string, Words> = {
  notStarted: { en: 'not started', 'zh-CN': '未启动' },
  running: { en: 'running', 'zh-CN': '进行中' },
  active: { en: 'open', 'zh-CN': '办理中' },
  completed: { en: 'completed', 'zh-CN': '已办结' },
  cancelled: { en: 'cancelled', 'zh-CN': '已撤销' },
  faulted: { en: 'failed', 'zh-CN': '出错' },
  waiting: { en: 'waiting', 'zh-CN': '等待中' },
  timedOut: { en: 'timed out', 'zh-CN': '已超时' },
  open: { en: 'open', 'zh-CN': '未处理' },
  retrying: { en: 'retrying', 'zh-CN': '重试中' },
  resolved: { en: 'resolved', 'zh-CN': '已解决' },
  skipped: { en: 'skipped', 'zh-CN': '已跳过' },
  withdrawn: { en: 'withdrawn', 'zh-CN': '已撤回' },
};

/** An entry kind in the page's language; a kind a newer server writes is shown as it is spelled. */
export function kindName(kind: string, language: Language): string {
  return (kindWords as Record<string, Words>)[kind]?.[language] ?? kind;
}

/** A state in the page's language: a known status worded, a phase by its name when given, anything else as it is. */
export function stateName(state: string, language: Language, phaseNames: Record<string, string> = {}): string {
  return stateWords[state]?.[language] ?? phaseNames[state] ?? state;
}
