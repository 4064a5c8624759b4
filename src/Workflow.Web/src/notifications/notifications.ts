import type { Schemas } from '../shared/api';
import type { MessageKey } from '../shared/i18n';
import type { LedgerEntry } from '../shared/liveUpdates';

// The bell's view model: which ledger news can change the caller's inbox, where a notification
// leads, and the list as pages of it arrive and items are read.

export type NotificationItem = Schemas['NotificationView'];

/**
 * The ledger kinds the server turns into notifications (LedgerOutbox.Recipients): tasks given to
 * someone, reminders, escalations, time-outs, deadlines and notification activities.
 */
const inboxKinds = new Set([
  'task.activated',
  'task.reassigned',
  'task.reminded',
  'task.escalated',
  'task.timed_out',
  'phase.deadline_passed',
  'notification.requested',
]);

/**
 * Whether news may have brought the caller a notification: the count is read again then (it is one
 * indexed query). Other kinds notify the recipients their payload names.
 */
export function affectsInbox(entries: readonly LedgerEntry[]): boolean {
  return entries.some((e) => inboxKinds.has(e.kind) || hasRecipients(e.payload));
}

function hasRecipients(payload: unknown): boolean {
  if (!payload || typeof payload !== 'object') return false;
  const root = payload as { recipients?: unknown; event?: { recipients?: unknown } };
  return Array.isArray(root.recipients) || Array.isArray(root.event?.recipients);
}

/** The page a notification is about: its campaign's, where its task is shown and done. */
export function notificationPath(item: NotificationItem): string {
  return `/campaigns/${encodeURIComponent(item.campaignId)}`;
}

const kinds = ['assignment', 'reminder', 'escalation', 'timeout', 'deadline', 'notification'] as const;

/** The label of a notification's kind; a kind this app does not know yet is a plain notice. */
export function kindLabel(kind: string): MessageKey {
  const known = (kinds as readonly string[]).includes(kind) ? kind : 'notification';
  return `notificationsKind_${known}` as MessageKey;
}

/** The list after an older page arrived: appended, without any item twice (one may have moved while paging). */
export function appendPage(shown: readonly NotificationItem[], page: readonly NotificationItem[]): NotificationItem[] {
  const seen = new Set(shown.map((n) => n.id));
  return [...shown, ...page.filter((n) => !seen.has(n.id))];
}

/** The list once an item is read, and the unread count with it (never below zero). */
export function markRead(shown: readonly NotificationItem[], unread: number, id: number): { items: NotificationItem[]; unread: number } {
  const wasUnread = shown.some((n) => n.id === id && !n.read);
  return {
    items: shown.map((n) => (n.id === id ? { ...n, read: true } : n)),
    unread: wasUnread ? Math.max(0, unread - 1) : unread,
  };
}
