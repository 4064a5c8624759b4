import { describe, expect, test } from 'vitest';
import { lastSequence, mergeHistory } from './campaignHistory';
import { progressSeries } from './progressSeries';

const entry = (sequence: number, kind = 'task.activated') => ({
  sequence,
  kind,
  at: `2026-01-01T00:00:${String(sequence).padStart(2, '0')}Z`,
  taskId: null,
  payload: {},
});

describe('the ledger held by the campaign page', () => {
  test('the last sequence is where the next read starts; 0 before anything is held', () => {
    expect(lastSequence([])).toBe(0);
    expect(lastSequence([entry(1), entry(2), entry(7)])).toBe(7);
  });

  test('news after the last entry is appended in order', () => {
    const known = [entry(1), entry(2)];
    expect(mergeHistory(known, [entry(3), entry(4)]).map((e) => e.sequence)).toEqual([1, 2, 3, 4]);
  });

  test('nothing new keeps the same array, so the chart is not recomputed', () => {
    const known = [entry(1), entry(2)];
    expect(mergeHistory(known, [])).toBe(known);
    expect(mergeHistory(known, [entry(2), entry(1)])).toBe(known);
  });

  test('overlapping reads count each entry once and keep sequence order', () => {
    const known = [entry(1), entry(2), entry(3)];
    // A read from the start (a live update during the first read) and one that overtook another.
    expect(mergeHistory(known, [entry(1), entry(2), entry(3), entry(4)]).map((e) => e.sequence)).toEqual([1, 2, 3, 4]);
    expect(mergeHistory([entry(1), entry(4)], [entry(3), entry(2), entry(4), entry(5), entry(5)]).map((e) => e.sequence)).toEqual([
      1, 2, 3, 4, 5,
    ]);
  });

  test('the series of the merged ledger equals the series of the whole ledger read at once', () => {
    const all = [entry(1), entry(2), entry(3, 'task.completed'), entry(4), entry(5, 'task.cancelled'), entry(6, 'task.completed')];
    let held: readonly ReturnType<typeof entry>[] = [];
    for (const news of [all.slice(0, 2), all.slice(1, 4), all.slice(4)])
      held = mergeHistory(
        held,
        news.filter((e) => e.sequence > lastSequence(held)),
      );
    expect(progressSeries(held)).toEqual(progressSeries(all));
    expect(progressSeries(held).points.at(-1)).toMatchObject({ completed: 2, open: 0 });
  });
});
