// The notification bell's strings (the notifications' own titles come from the server, in the page's language).

import type { ChineseCatalog } from '../shared/catalog';

export const en = {
  notificationsButton: 'Notifications, {count} unread',
  notificationsHeading: 'Notifications',
  notificationsEmpty: 'No notifications.',
  notificationsUnread: 'Unread',
  notificationsMarkRead: 'Mark as read',
  notificationsMarkReadOf: 'Mark “{title}” as read',
  notificationsOlder: 'Show older',
  notificationsClose: 'Close',
  notificationsLoadFailed: 'The notifications could not be loaded',
  notificationsKind_assignment: 'Assignment',
  notificationsKind_reminder: 'Reminder',
  notificationsKind_escalation: 'Escalation',
  notificationsKind_timeout: 'Time-out',
  notificationsKind_deadline: 'Deadline',
  notificationsKind_notification: 'Notice',
};

export const zhCN: ChineseCatalog<typeof en> = {
  notificationsButton: '通知，{count} 条未读',
  notificationsHeading: '通知',
  notificationsEmpty: '暂无通知。',
  notificationsUnread: '未读',
  notificationsMarkRead: '标为已读',
  notificationsMarkReadOf: '将“{title}”标为已读',
  notificationsOlder: '查看更早的通知',
  notificationsClose: '关闭',
  notificationsLoadFailed: '通知加载失败',
  notificationsKind_assignment: '任务分配',
  notificationsKind_reminder: '催办提醒',
  notificationsKind_escalation: '升级',
  notificationsKind_timeout: '超时',
  notificationsKind_deadline: '阶段截止',
  notificationsKind_notification: '通知',
};
