// The campaign page's timeline and gate metrics (shared with the dashboard's gates at risk).

import type { ChineseCatalog } from '../shared/catalog';

export const en = {
  campaignTimelineHeading: 'Timeline',
  campaignTimelineEmpty: 'Nothing has happened yet.',
  campaignTimelineEntered: 'Entered “{phase}”, round {round}',
  campaignTimelineSentBack: 'Sent back to “{phase}”, round {round}',
  campaignTimelineSuspended: 'Suspended in “{phase}”',
  campaignTimelineResumed: 'Resumed in “{phase}”',
  campaignTimelineCompleted: 'Campaign completed',
  campaignTimelineCancelled: 'Campaign cancelled',
  campaignTimelineMeeting: '{task}: held on {date}',
  campaignTimelineResult: '{task}: result recorded',
  campaignTimelineOutcome: '{task}: {outcome}',
  gateMetricsHeading: 'Against the threshold',
  gateMetricAgainst: '{value} against {comparison} {threshold}',
  gateMetricCounts: '{value} ({part} of {whole})',
  gateMetricMet: 'reached',
  gateMetricUnmet: 'not reached',
};

export const zhCN: ChineseCatalog<typeof en> = {
  campaignTimelineHeading: '时间线',
  campaignTimelineEmpty: '尚无记录。',
  campaignTimelineEntered: '进入“{phase}”阶段（第 {round} 轮）',
  campaignTimelineSentBack: '退回“{phase}”阶段（第 {round} 轮）',
  campaignTimelineSuspended: '在“{phase}”阶段暂停',
  campaignTimelineResumed: '在“{phase}”阶段恢复',
  campaignTimelineCompleted: '活动已完成',
  campaignTimelineCancelled: '活动已取消',
  campaignTimelineMeeting: '{task}：{date} 召开',
  campaignTimelineResult: '{task}：已提交结果',
  campaignTimelineOutcome: '{task}：{outcome}',
  gateMetricsHeading: '对照标准',
  gateMetricAgainst: '{value}，标准 {comparison} {threshold}',
  gateMetricCounts: '{value}（{part}/{whole}）',
  gateMetricMet: '已达标',
  gateMetricUnmet: '未达标',
};
