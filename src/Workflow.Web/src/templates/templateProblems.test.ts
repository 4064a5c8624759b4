import { describe, expect, it } from 'vitest';
import { fieldOf, problemsByField } from './templateProblems';

describe('validation problems by field', () => {
  it.each([
    ['/definitionId', 'definitionId'],
    ['/displayNames/en', 'name'],
    ['/inputs/2/name', 'inputs.2.name'],
    ['/inputs/2/default', 'inputs.2'],
    ['/phases', 'phases'],
    ['/phases/1/workflow', 'phases.1.workflow'],
    ['/phases/1/id', 'phases.1.id'],
    ['/phases/0/displayNames/zh-CN', 'phases.0.name'],
    ['/phases/0/exitGates/3/condition', 'phases.0.gates.3.expression'],
    ['/phases/0/exitGates/3/condition/expression/value', 'phases.0.gates.3.expression'],
    ['/phases/0/exitGates/3/id', 'phases.0.gates.3.id'],
    ['/phases/0/exitGates/3', 'phases.0.gates.3'],
    ['/phases/0/outputs/formReturnRate', 'phases.0'],
    ['', 'template'],
    ['/variables/0', 'template'],
  ])('%s → %s', (pointer, field) => {
    expect(fieldOf(pointer)).toBe(field);
  });

  it('groups problems by field in the server order', () => {
    const byField = problemsByField([
      { code: 'a', message: 'first', jsonPointer: '/phases/0/workflow' },
      { code: 'b', message: 'other', jsonPointer: '/definitionId' },
      { code: 'c', message: 'second', jsonPointer: '/phases/0/workflow' },
    ]);
    expect(byField.get('phases.0.workflow')?.map((p) => p.message)).toEqual(['first', 'second']);
    expect(byField.get('definitionId')?.map((p) => p.code)).toEqual(['b']);
  });
});
