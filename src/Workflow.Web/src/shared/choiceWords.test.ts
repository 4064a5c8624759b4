import { expect, test } from 'vitest';
// The engine's Choice inputs, read as text: a value added there and not worded here fails this test.
import meetings from '../../../Workflow.Engine/Activities/MeetingActivities.cs?raw';
import flow from '../../../Workflow.Engine/Activities/ControlFlowActivities.cs?raw';
import { choiceName, choiceWords } from './choiceWords';

const choicesIn = (source: string) =>
  [...source.matchAll(/Choice\("(\w+)",\s*"[^"]*",\s*"[^"]*",\s*((?:"\w+",?\s*)+)\)/g)].map((m) => ({
    input: m[1],
    values: [...m[2].matchAll(/"(\w+)"/g)].map((v) => v[1]),
  }));

test('every fixed choice the engine offers is worded in both languages', () => {
  const choices = [...choicesIn(meetings), ...choicesIn(flow)];
  expect(choices.map((c) => c.input).sort()).toEqual(['meetingKind', 'mode']);
  for (const { input, values } of choices) {
    expect(Object.keys(choiceWords[input]).sort()).toEqual([...values].sort());
    for (const value of values) expect(choiceWords[input][value]['zh-CN']).not.toMatch(/[A-Za-z]/);
  }
  expect(choiceName('meetingKind', 'mobilization', 'zh-CN')).toBe('动员会');
  expect(choiceName('meetingKind', 'somethingNew', 'zh-CN')).toBe('somethingNew');
});
