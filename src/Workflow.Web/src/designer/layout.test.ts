import { describe, expect, it } from 'vitest';
import { layoutPositions, nodeSize } from './layout';
import { byType, sampleDocument } from './testData';

describe('auto-layout', () => {
  it('lays the flow out left to right without overlapping nodes', async () => {
    const document = sampleDocument();
    const positions = await layoutPositions(document, byType);
    const at = (id: string) => positions.get(id)!;
    expect(positions.size).toBe(4);
    expect(at('start').x).toBeLessThan(at('meeting').x);
    expect(at('meeting').x).toBeLessThan(at('check').x);
    expect(at('check').x).toBeLessThan(at('end').x);
    const boxes = [...positions.values()];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const apart = Math.abs(boxes[i].x - boxes[j].x) >= nodeSize.width || Math.abs(boxes[i].y - boxes[j].y) >= nodeSize.height;
        expect(apart).toBe(true);
      }
  });

  it('lays out a connection from a port the activity does not have (the server reports it) without failing', async () => {
    const document = sampleDocument();
    document.root.connections.push({ source: { activity: 'end', port: 'Nowhere' }, target: { activity: 'start', port: 'In' } });
    expect((await layoutPositions(document, byType)).size).toBe(4);
  });
});
