import { describe, expect, it } from 'vitest';
import { boxHeight, boxWidth, gap, gateLine, layoutPhases } from './phaseDiagram';

describe('phase diagram layout', () => {
  it('puts phases left to right with an arrow between neighbours and gates under their phase', () => {
    const layout = layoutPhases([
      { label: 'Study', workflow: 'study-phase v1', gates: ['a', 'b'] },
      { label: 'Analysis', workflow: 'analysis-phase v1', gates: [] },
      { label: 'Rectification', workflow: 'rectification-phase v1', gates: ['c'] },
    ]);
    expect(layout.boxes.map((b) => b.x)).toEqual([8, 8 + boxWidth + gap, 8 + 2 * (boxWidth + gap)]);
    expect(layout.arrows).toEqual([
      { x1: 8 + boxWidth, x2: 8 + boxWidth + gap, y: 8 + boxHeight / 2 },
      { x1: 8 + 2 * boxWidth + gap, x2: 8 + 2 * (boxWidth + gap), y: 8 + boxHeight / 2 },
    ]);
    expect(layout.boxes[0].gateY).toHaveLength(2);
    expect(layout.boxes[0].gateY[1] - layout.boxes[0].gateY[0]).toBe(gateLine);
    expect(layout.width).toBe(3 * boxWidth + 2 * gap + 16);
    expect(layout.height).toBe(16 + boxHeight + 10 + 2 * gateLine);
  });

  it('an empty template is one box wide and has no arrows', () => {
    const layout = layoutPhases([]);
    expect(layout.arrows).toEqual([]);
    expect(layout.width).toBe(boxWidth + 16);
  });
});
