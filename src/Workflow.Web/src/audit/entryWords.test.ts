import { expect, test } from 'vitest';
import { kindName, kindWords, stateName } from './entryWords';
import { ledgerKinds } from './ledgerFilter';

test('every kind the server writes is worded in both languages, and the Chinese is Chinese', () => {
  expect(Object.keys(kindWords).sort()).toEqual([...ledgerKinds].sort());
  for (const kind of ledgerKinds) {
    expect(kindWords[kind].en).toMatch(/^[A-Z]/);
    expect(kindWords[kind]['zh-CN']).not.toMatch(/[A-Za-z]/);
  }
  expect(kindName('task.completed', 'zh-CN')).toBe('任务办结');
  expect(kindName('task.completed', 'en')).toBe('Task completed');
  expect(kindName('future.kind', 'zh-CN')).toBe('future.kind');
});

test('states: statuses worded, phases by name, principals as they are', () => {
  expect(`${stateName('active', 'zh-CN')} → ${stateName('completed', 'zh-CN')}`).toBe('办理中 → 已办结');
  expect(stateName('notStarted', 'en')).toBe('not started');
  expect(stateName('study', 'zh-CN', { study: '学习调研' })).toBe('学习调研');
  expect(stateName('deputy.liu', 'zh-CN')).toBe('deputy.liu');
});
