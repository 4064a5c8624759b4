// Auto-layout with ELK's layered algorithm: left to right, each outbound port on the right side
// in its order, so that the branches of a decision or fork fan out without crossing.

import { portsOf, type ActivityDescriptor } from './descriptors';
import { donePort, type PhaseWorkflow, type Position } from './document';

/** The size nodes are drawn at (styles.css, .designer-node). */
export const nodeSize = { width: 200, height: 72 };

export async function layoutPositions(
  document: PhaseWorkflow,
  descriptors: ReadonlyMap<string, ActivityDescriptor>,
): Promise<Map<string, Position>> {
  // ELK is large (about 1.4 MB): loaded when the admin first asks for a layout, not with the app.
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const elk = new ELK();
  const ids = new Set(document.root.activities.map((a) => a.id));
  const graph = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.layered.spacing.nodeNodeBetweenLayers': '60',
      'elk.spacing.nodeNode': '50',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      // A revision loop (review → back to drafting) must not turn the flow around: the edges
      // that go back are those that close a cycle in a depth-first walk from the start.
      'elk.layered.cycleBreaking.strategy': 'DEPTH_FIRST',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    },
    children: document.root.activities.map((activity) => ({
      id: activity.id,
      ...nodeSize,
      layoutOptions: {
        'elk.portConstraints': 'FIXED_ORDER',
        ...(activity.type === 'Elsa.Start' ? { 'elk.layered.layering.layerConstraint': 'FIRST' } : {}),
      },
      ports: [
        { id: `${activity.id}::in`, layoutOptions: { 'elk.port.side': 'WEST' } },
        ...portsOf(activity, descriptors.get(activity.type)).map((port, i) => ({
          id: `${activity.id}::out::${port}`,
          layoutOptions: { 'elk.port.side': 'EAST', 'elk.port.index': String(i) },
        })),
      ],
    })),
    edges: document.root.connections
      .filter((c) => ids.has(c.source.activity) && ids.has(c.target.activity))
      .map((c, i) => {
        const port = c.source.port ?? donePort;
        const source = document.root.activities.find((a) => a.id === c.source.activity)!;
        const known = portsOf(source, descriptors.get(source.type));
        return {
          id: `e${i}`,
          sources: [known.includes(port) ? `${c.source.activity}::out::${port}` : c.source.activity],
          targets: [`${c.target.activity}::in`],
        };
      }),
  };
  const laid = await elk.layout(graph);
  return new Map((laid.children ?? []).map((n) => [n.id, { x: Math.round(n.x ?? 0), y: Math.round(n.y ?? 0) }]));
}
