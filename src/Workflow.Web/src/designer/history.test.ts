import { describe, expect, it } from 'vitest';
import { closeGroup, historyLimit, record, redo, startHistory, undo } from './history';

describe('undo history', () => {
  it('undoes and redoes edits in order; a new edit drops the redo steps', () => {
    let h = record(record(startHistory('a'), 'b'), 'c');
    h = undo(h);
    expect(h.present).toBe('b');
    h = undo(h);
    expect(h.present).toBe('a');
    expect(undo(h)).toBe(h);
    h = redo(h);
    expect(h.present).toBe('b');
    h = record(h, 'd');
    expect(h.future).toEqual([]);
    expect(redo(h)).toBe(h);
    expect(undo(h).present).toBe('b');
  });

  it('makes one step of the edits of one group, until the group is closed', () => {
    let h = record(startHistory('x'), 'x1', 'field:a');
    h = record(h, 'x12', 'field:a');
    h = record(h, 'x123', 'field:a');
    expect(h.past).toEqual(['x']);
    h = record(closeGroup(h), 'x1234', 'field:a');
    expect(h.past).toEqual(['x', 'x123']);
    h = record(h, 'y', 'field:b');
    expect(undo(h).present).toBe('x1234');
  });

  it('ignores an edit that changes nothing and keeps at most the limit', () => {
    const start = startHistory(0);
    expect(record(start, 0)).toBe(start);
    let h = start;
    for (let i = 1; i <= historyLimit + 10; i++) h = record(h, i);
    expect(h.past).toHaveLength(historyLimit);
    expect(h.past[0]).toBe(10);
  });
});
