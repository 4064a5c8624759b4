import { describe, expect, it } from 'vitest';
import { pointerSegments } from '../shared/problemTitles';
import { placeProblems, type Problem } from './problems';
import { sampleDocument } from './testData';

const problem = (code: string, jsonPointer: string, extra: Partial<Problem> = {}): Problem => ({
  code,
  message: code,
  jsonPointer,
  ...extra,
});

describe('placeProblems', () => {
  it('puts an expression problem on its node and on the input field', () => {
    const placed = placeProblems(sampleDocument(), [
      problem('expression.syntax', '/root/activities/2/condition/expression/value', { activityId: 'check' }),
    ]);
    expect([...placed.byNode.keys()]).toEqual(['check']);
    expect([...placed.byField.keys()]).toEqual(['check/condition']);
    expect(placed.general).toEqual([]);
  });

  it('puts a missing input on its node and on the field its argument names', () => {
    const placed = placeProblems(sampleDocument(), [
      problem('activity.input_missing', '/root/activities/2', { activityId: 'check', arguments: { input: 'condition' } }),
    ]);
    expect([...placed.byNode.keys()]).toEqual(['check']);
    expect([...placed.byField.keys()]).toEqual(['check/condition']);
  });

  it('puts a problem of the whole activity on its node only', () => {
    const placed = placeProblems(sampleDocument(), [problem('activity.input_missing', '/root/activities/2', { activityId: 'check' })]);
    expect([...placed.byNode.keys()]).toEqual(['check']);
    expect(placed.byField.size).toBe(0);
  });

  it('puts a connection problem on its edge, by pointer or by the ends it names', () => {
    const placed = placeProblems(sampleDocument(), [
      problem('connection.port_unknown', '/root/connections/2/source/port', { activityId: 'check' }),
      problem('connection.duplicate', '/root', {
        connection: { source: 'check', sourcePort: 'False', target: 'meeting', targetPort: 'In' },
      }),
    ]);
    expect([...placed.byEdge.keys()]).toEqual(['check:True->end', 'check:False->meeting']);
    expect(placed.byNode.size).toBe(0);
  });

  it('finds the node by the activity id when the pointer does not say', () => {
    const placed = placeProblems(sampleDocument(), [problem('activity.unreachable', '', { activityId: 'meeting' })]);
    expect([...placed.byNode.keys()]).toEqual(['meeting']);
  });

  it('keeps workflow-wide problems and problems of activities that no longer exist apart', () => {
    const placed = placeProblems(sampleDocument(), [
      problem('flow.end_missing', '/root/activities'),
      problem('activity.dead_end', '', { activityId: 'gone' }),
    ]);
    expect(placed.general.map((p) => p.code)).toEqual(['flow.end_missing', 'activity.dead_end']);
  });

  it('decodes pointer escapes', () => {
    expect(pointerSegments('/a~1b/c~0d')).toEqual(['a/b', 'c~d']);
    expect(pointerSegments('')).toEqual([]);
  });
});

describe('placeProblems for the workflow inputs and variables', () => {
  const declared = () => ({
    ...sampleDocument(),
    inputs: [
      { name: 'threshold', type: 'number' },
      { name: 'threshold', type: 'number' },
    ],
    variables: [{ name: 'rounds', typeName: 'Int32', value: '0' }],
  });

  it('puts a problem on the input or variable row its pointer names', () => {
    const placed = placeProblems(declared(), [
      problem('template.input_duplicate', '/inputs/1/name'),
      problem('property.invalid', '/variables/0/value'),
      problem('property.invalid', '/inputs/0'),
    ]);
    expect([...placed.byDeclaration.keys()]).toEqual(['inputs/1', 'variables/0', 'inputs/0']);
    expect(placed.byDeclaration.get('inputs/1')!.map((p) => p.code)).toEqual(['template.input_duplicate']);
    expect(placed.general).toEqual([]);
    expect(placed.byNode.size).toBe(0);
  });

  it('keeps a problem of the whole list, or of a row that is gone, with the workflow', () => {
    const placed = placeProblems(declared(), [
      problem('property.invalid', '/inputs'),
      problem('property.invalid', '/variables/3/name'),
      problem('property.invalid', '/inputs/x'),
    ]);
    expect(placed.byDeclaration.size).toBe(0);
    expect(placed.general).toHaveLength(3);
  });
});
