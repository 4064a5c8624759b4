// The worklist pages' strings.

import type { ChineseCatalog } from '../shared/catalog';

export const en = {
  worklistNav: 'My tasks',
  worklistHeading: 'My open tasks',
  worklistIntro: 'Tasks assigned to {principal} in every campaign. The list follows changes as they happen.',
  worklistOnlyOverdue: 'Only overdue',
  worklistColCampaign: 'Campaign',
  worklistColPhase: 'Phase',
  worklistColTask: 'Task',
  worklistColDue: 'Due',
  worklistColState: 'State',
  worklistOverdue: 'Overdue',
  worklistOnTime: 'Open',
  worklistNoDue: 'No deadline',
  worklistEmpty: 'No open tasks.',
  worklistEmptyOverdue: 'No overdue tasks.',
  worklistNextPage: 'Next page',
  worklistFirstPage: 'Back to the first page',
};

export const zhCN: ChineseCatalog<typeof en> = {
  worklistNav: '我的待办',
  worklistHeading: '我的待办任务',
  worklistIntro: '各项活动中分配给 {principal} 的任务。列表随办理情况实时更新。',
  worklistOnlyOverdue: '只看已逾期',
  worklistColCampaign: '活动',
  worklistColPhase: '阶段',
  worklistColTask: '任务',
  worklistColDue: '办理期限',
  worklistColState: '状态',
  worklistOverdue: '已逾期',
  worklistOnTime: '待办',
  worklistNoDue: '无期限',
  worklistEmpty: '暂无待办任务。',
  worklistEmptyOverdue: '暂无逾期任务。',
  worklistNextPage: '下一页',
  worklistFirstPage: '返回第一页',
};
