import { describe, expect, test } from 'vitest';
import analysis from '../../../../workflows/phases/analysis-phase.json';
import { extent, wrapIntoRows, type Placed } from './flowchartWrap';

const size = { nodeWidth: 170, nodeHeight: 80, rowGap: 60 };

function node(id: string, x: number, y: number): Placed {
  return { id, position: { x, y } };
}

describe('wrapping a flowchart into rows', () => {
  test('a line wider than the page breaks into rows, each starting at the left, below the one before', () => {
    const line = [0, 240, 480, 720, 960].map((x, i) => node(`a${i}`, x, 0));
    const rows = wrapIntoRows(line, { ...size, maxWidth: 600 });
    expect(rows.map((n) => n.position)).toEqual([
      { x: 0, y: 0 },
      { x: 240, y: 0 },
      { x: 0, y: 140 },
      { x: 240, y: 140 },
      { x: 0, y: 280 },
    ]);
  });

  test('a flow that fits is left as the designer drew it, moved to the top', () => {
    const fork = [node('start', 0, 100), node('left', 240, 0), node('right', 250, 200), node('join', 480, 100)];
    const rows = wrapIntoRows(fork, { ...size, maxWidth: 1000 });
    expect(rows.map((n) => n.position)).toEqual([
      { x: 0, y: 100 },
      { x: 240, y: 0 },
      { x: 250, y: 200 },
      { x: 480, y: 100 },
    ]);
  });

  test('the branches of one layer stay together in one row, however unevenly they were placed', () => {
    const fork = [node('start', 0, 100), node('left', 240, 0), node('right', 260, 200), node('join', 480, 100)];
    const rows = wrapIntoRows(fork, { ...size, maxWidth: 450 });
    // Row one spans y 0 to 280 (the lower branch and its height); the second row starts 60 below.
    const rowOf = new Map(rows.map((n) => [n.id, n.position.y >= 340 ? 1 : 0]));
    expect(rowOf.get('left')).toBe(rowOf.get('right'));
    expect(rows.find((n) => n.id === 'join')!.position).toEqual({ x: 0, y: 340 });
  });

  test('the analysis phase fits a desk page at a readable zoom: three times narrower than its line, no overlaps', () => {
    const nodes = analysis.root.activities.map((a) => node(a.id, a.metadata.designer.position.x, a.metadata.designer.position.y));
    const before = extent(nodes, size.nodeWidth, size.nodeHeight);
    const rows = wrapIntoRows(nodes, { ...size, maxWidth: 1500 });
    const after = extent(rows, size.nodeWidth, size.nodeHeight);
    expect(after.width).toBeLessThanOrEqual(1500);
    expect(before.width / after.width).toBeGreaterThan(2.5);
    for (const a of rows)
      for (const b of rows)
        if (a !== b)
          expect(
            Math.abs(a.position.x - b.position.x) >= size.nodeWidth || Math.abs(a.position.y - b.position.y) >= size.nodeHeight,
            `${a.id} overlaps ${b.id}`,
          ).toBe(true);
  });
});
