import { describe, expect, it } from 'vitest';
import {
  addInput,
  addVariable,
  checkVariableValue,
  inputsOf,
  removeDeclaration,
  setDeclarationDisplayName,
  updateDeclaration,
  variablesOf,
  variableValueText,
} from './declarations';
import type { PhaseWorkflow } from './document';
import { record, startHistory, undo } from './history';
import { sampleDocument } from './testData';

const withDeclarations = (): PhaseWorkflow => ({
  ...sampleDocument(),
  inputs: [{ name: 'partyGroups', type: 'array', required: true, minimum: 1, 'x-note': { keep: true } }],
  variables: [{ id: 'v-rounds', name: 'rounds', typeName: 'Int32', isArray: false, value: '0' }],
});

describe('workflow inputs and variables edits', () => {
  it('adds an input and a variable with free names, starting the lists when the document has none', () => {
    const { inputs: _, ...d0 } = sampleDocument();
    expect(inputsOf(d0)).toEqual([]);
    const d1 = addVariable(addInput(addInput(d0)));
    expect(inputsOf(d1)).toEqual([
      { name: 'input1', type: 'string', required: false },
      { name: 'input2', type: 'string', required: false },
    ]);
    expect(variablesOf(d1)).toEqual([{ name: 'variable1', typeName: 'Object' }]);
    expect(d0.inputs).toBeUndefined();
  });

  it('edits one input and keeps the fields it does not know', () => {
    const d = updateDeclaration(withDeclarations(), 'inputs', 0, {
      name: 'groups',
      type: 'object',
      required: false,
      description: 'The groups',
    });
    expect(inputsOf(d)[0]).toEqual({
      name: 'groups',
      type: 'object',
      required: false,
      description: 'The groups',
      minimum: 1,
      'x-note': { keep: true },
    });
    expect(variablesOf(d)).toEqual(variablesOf(withDeclarations()));
    const cleared = updateDeclaration(d, 'inputs', 0, { description: undefined });
    expect('description' in inputsOf(cleared)[0]).toBe(false);
  });

  it('sets and clears display names per language', () => {
    let d = setDeclarationDisplayName(withDeclarations(), 'inputs', 0, 'en', 'Party groups');
    d = setDeclarationDisplayName(d, 'inputs', 0, 'zh-CN', '党小组');
    expect(inputsOf(d)[0].displayNames).toEqual({ en: 'Party groups', 'zh-CN': '党小组' });
    d = setDeclarationDisplayName(setDeclarationDisplayName(d, 'inputs', 0, 'en', ''), 'inputs', 0, 'zh-CN', '');
    expect('displayNames' in inputsOf(d)[0]).toBe(false);
  });

  it('removes a row, and ignores an index that is not there', () => {
    const d = withDeclarations();
    expect(variablesOf(removeDeclaration(d, 'variables', 0))).toEqual([]);
    expect(removeDeclaration(d, 'inputs', 4)).toBe(d);
    expect(updateDeclaration(d, 'inputs', 4, { name: 'x' })).toBe(d);
  });

  it('survives a JSON round trip with the unknown fields, and undo brings the old row back', () => {
    const d = updateDeclaration(withDeclarations(), 'variables', 0, { value: '3' });
    const back = JSON.parse(JSON.stringify(d)) as PhaseWorkflow;
    expect(variablesOf(back)[0]).toEqual({ id: 'v-rounds', name: 'rounds', typeName: 'Int32', isArray: false, value: '3' });
    expect(inputsOf(back)[0]['x-note']).toEqual({ keep: true });
    const history = undo(record(startHistory(withDeclarations()), d));
    expect(variablesOf(history.present)[0].value).toBe('0');
  });
});

describe('variable initial values', () => {
  it('checks JSON syntax except for String variables, and stores the text', () => {
    expect(checkVariableValue('', 'Int32')).toEqual({ ok: true, value: undefined });
    expect(checkVariableValue(' 3 ', 'Int32')).toEqual({ ok: true, value: ' 3 ' });
    expect(checkVariableValue('{"a": [1]}', 'Object')).toEqual({ ok: true, value: '{"a": [1]}' });
    expect(checkVariableValue('{a: 1}', 'Object').ok).toBe(false);
    expect(checkVariableValue('plain words', 'String')).toEqual({ ok: true, value: 'plain words' });
  });

  it('shows a value that a file wrote as JSON rather than as a string', () => {
    expect(variableValueText({ name: 'v', value: [1, 2] })).toBe('[1,2]');
    expect(variableValueText({ name: 'v', value: '0' })).toBe('0');
    expect(variableValueText({ name: 'v' })).toBe('');
  });
});
