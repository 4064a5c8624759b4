import { describe, expect, it } from 'vitest';
import { formFields, newActivity, paletteGroups, portsOf, setDisplayName, setField } from './descriptors';
import { byType, descriptors, sampleDocument } from './testData';

const meeting = () => sampleDocument().root.activities[1];

describe('descriptors → palette, ports and forms', () => {
  it('groups the palette by category in catalog order, in the language', () => {
    const groups = paletteGroups(descriptors, 'zh-CN');
    expect(groups.map((g) => g.label)).toEqual(['流程控制', '会议']);
    expect(groups[0].items.map((i) => i.label)).toEqual(['开始', '结束', '条件判断', '分支']);
  });

  it('takes a fork’s ports from its branches', () => {
    const fork = newActivity(byType.get('Elsa.FlowFork')!, 'fork1');
    expect(portsOf(fork, byType.get('Elsa.FlowFork'))).toEqual(['A', 'B']);
    expect(portsOf({ ...fork, branches: ['Study', 'Research', ''] }, byType.get('Elsa.FlowFork'))).toEqual(['Study', 'Research']);
    expect(portsOf({ id: 'x', type: 'Unknown.Type' }, undefined)).toEqual(['Done']);
  });

  it('builds one typed field per input, filled from the activity', () => {
    const fields = formFields(meeting(), byType.get('Campaign.Meeting')!, 'en');
    expect(fields.map((f) => [f.name, f.kind, f.value])).toEqual([
      ['meetingKind', 'choice', 'study'],
      ['assignee', 'string', 'party-committee'],
      ['dueInDays', 'number', '3'],
      ['instructions', 'text', ''],
    ]);
    expect(fields[0].options).toEqual(['mobilization', 'study']);
    const condition = formFields(sampleDocument().root.activities[2], byType.get('Elsa.FlowDecision')!, 'zh-CN')[0];
    expect(condition).toMatchObject({
      label: '判断条件',
      kind: 'expression',
      isExpression: true,
      required: true,
      value: 'results.meeting.attendees > 3',
    });
  });

  it('reads Elsa’s wrapped literals and expressions of literal inputs', () => {
    const activity = {
      ...meeting(),
      dueInDays: { typeName: 'Int32', expression: { type: 'Literal', value: 5 } },
      assignee: { expression: { type: 'JavaScript', value: 'inputs.who' } },
    };
    const fields = formFields(activity, byType.get('Campaign.Meeting')!, 'en');
    expect(fields[1]).toMatchObject({ isExpression: true, value: 'inputs.who' });
    expect(fields[2]).toMatchObject({ isExpression: false, value: '5' });
  });

  it('writes typed literals and expressions back, and removes emptied inputs', () => {
    const number = { name: 'dueInDays', kind: 'number' as const };
    expect(setField(meeting(), number, '7', false).dueInDays).toBe(7);
    expect(setField(meeting(), number, 'soon', false).dueInDays).toBe('soon');
    expect(setField(meeting(), number, 'inputs.days', true).dueInDays).toEqual({
      expression: { type: 'JavaScript', value: 'inputs.days' },
    });
    expect('dueInDays' in setField(meeting(), number, ' ', false)).toBe(false);
    expect(setField(meeting(), { name: 'branches', kind: 'list' }, 'Study, Research,', false).branches).toEqual(['Study', 'Research']);
    expect(setField(meeting(), { name: 'id', kind: 'string' }, 'hacked', false).id).toBe('meeting');
  });

  it('sets display names per language and keeps name to the Chinese one', () => {
    const a = setDisplayName(setDisplayName(meeting(), 'en', 'Study meeting'), 'zh-CN', '学习会');
    expect(a.metadata?.displayNames).toEqual({ en: 'Study meeting', 'zh-CN': '学习会' });
    expect(a.name).toBe('学习会');
    expect(a.metadata?.designer).toEqual(meeting().metadata?.designer);
  });
});
