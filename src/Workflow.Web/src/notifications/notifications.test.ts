import { expect, test } from 'vitest';
import { translate } from '../shared/i18n';
import type { LedgerEntry } from '../shared/liveUpdates';
import { affectsInbox, appendPage, kindLabel, markRead, notificationPath, type NotificationItem } from './notifications';

const entry = (kind: string, payload: unknown = {}): LedgerEntry => ({
  id: 1,
  campaignId: 'c',
  sequence: 1,
  at: '2026-12-01T00:00:00Z',
  kind,
  actor: 'a',
  definitionId: 'd',
  definitionVersion: 1,
  payload,
  previousHash: '',
  hash: '',
});
const item = (id: number, read = false): NotificationItem => ({
  id,
  at: '2026-12-01T08:00:00Z',
  kind: 'assignment',
  campaignId: '5b1e9c1a-0000-4000-8000-000000000001',
  taskId: 'studyMobilization:1',
  title: `n${id}`,
  read,
});

test('news that can bring a notification: assignments, reminders, escalations, time-outs, deadlines, entries naming recipients', () => {
  for (const kind of [
    'task.activated',
    'task.reassigned',
    'task.reminded',
    'task.escalated',
    'task.timed_out',
    'phase.deadline_passed',
    'notification.requested',
  ])
    expect(affectsInbox([entry(kind)]), kind).toBe(true);
  expect(affectsInbox([entry('activity.completed', { event: { recipients: ['office.li'] } })])).toBe(true);
  expect(affectsInbox([entry('task.completed'), entry('gates.evaluated', { recipients: 'not a list' }), entry('variable.set', null)])).toBe(
    false,
  );
});

test('a notification leads to its campaign; an unknown kind reads as a notice, in both languages', () => {
  expect(notificationPath(item(1))).toBe('/campaigns/5b1e9c1a-0000-4000-8000-000000000001');
  expect(translate('zh-CN', kindLabel('reminder'))).toBe('催办提醒');
  expect(translate('en', kindLabel('something-new'))).toBe('Notice');
});

test('older pages append without doubles; reading counts down once and never below zero', () => {
  expect(appendPage([item(9), item(8)], [item(8), item(7)]).map((n) => n.id)).toEqual([9, 8, 7]);
  const once = markRead([item(9), item(8, true)], 2, 9);
  expect(once.unread).toBe(1);
  expect(once.items.map((n) => n.read)).toEqual([true, true]);
  expect(markRead(once.items, 1, 9).unread).toBe(1);
  expect(markRead([item(3)], 0, 3).unread).toBe(0);
});
