import { describe, expect, it } from 'vitest';
import { buildParameters, controlOf, initialValue, parseValue, type InputDeclaration } from './startForm';

describe('start campaign form', () => {
  it('picks a control per data type', () => {
    expect(['string', 'text', 'integer', 'number', 'boolean', 'date', 'array', 'object'].map((t) => controlOf(t as never))).toEqual([
      'text',
      'textarea',
      'integer',
      'number',
      'checkbox',
      'date',
      'structured',
      'structured',
    ]);
  });

  it('starts each field at its default', () => {
    expect(initialValue({ name: 'a', type: 'number', default: 0.8 })).toBe('0.8');
    expect(initialValue({ name: 'a', type: 'boolean', default: true })).toBe(true);
    expect(initialValue({ name: 'a', type: 'array', default: ['x'] })).toEqual(['x']);
    // A list or record without a fitting default starts empty, never as JSON text.
    expect(initialValue({ name: 'a', type: 'array', default: 'x' })).toEqual([]);
    expect(initialValue({ name: 'a', type: 'object' })).toEqual({});
    expect(initialValue({ name: 'a', type: 'string' })).toBe('');
  });

  it('parses typed values and refuses what does not fit the type', () => {
    expect(parseValue('integer', '40')).toEqual({ ok: true, value: 40 });
    expect(parseValue('integer', '4.5')).toEqual({ ok: false, error: 'integer' });
    expect(parseValue('number', '0.75')).toEqual({ ok: true, value: 0.75 });
    expect(parseValue('number', 'abc')).toEqual({ ok: false, error: 'number' });
    expect(parseValue('date', '2023-03-01')).toEqual({ ok: true, value: '2023-03-01' });
    expect(parseValue('date', '1/3/2023')).toEqual({ ok: false, error: 'date' });
    // Entries left blank (an added row never filled, a field without a name or value) are dropped; texts trimmed.
    expect(parseValue('array', [{ id: 'g1', name: ' 第一党小组 ', '': 'x' }, undefined, ' ', {}, 'secretary.chen'])).toEqual({
      ok: true,
      value: [{ id: 'g1', name: '第一党小组' }, 'secretary.chen'],
    });
    expect(parseValue('object', { leader: 'leader.li', note: '' })).toEqual({ ok: true, value: { leader: 'leader.li' } });
    expect(parseValue('boolean', false)).toEqual({ ok: true, value: false });
    expect(parseValue('string', ' 教育局 ')).toEqual({ ok: true, value: ' 教育局 ' });
  });

  it('builds the parameters: empty optional fields left to their defaults, empty required ones refused', () => {
    const inputs: InputDeclaration[] = [
      { name: 'teamMembers', type: 'array', required: true },
      { name: 'minimumTalks', type: 'integer', default: 40 },
      { name: 'note', type: 'text' },
      { name: 'satisfaction', type: 'number', required: true },
    ];
    const built = buildParameters(inputs, { teamMembers: ['zhang'], minimumTalks: '12', note: '', satisfaction: '' });
    expect(built.parameters).toEqual({ teamMembers: ['zhang'], minimumTalks: 12 });
    expect(built.errors).toEqual({ satisfaction: 'required' });
    // A required list whose entries were all left blank is as empty as one never touched.
    expect(buildParameters(inputs, { teamMembers: [' ', {}], satisfaction: '1' }).errors).toEqual({ teamMembers: 'required' });
    expect(buildParameters(inputs, {}).parameters).toEqual({ minimumTalks: 40 });
  });
});
