// The document as React Flow's model (nodes and edges) and back. Each node carries its whole
// activity and each edge its whole connection, so the way back loses nothing the file holds.

import type { Language } from '../shared/i18n';
import { localName } from '../shared/localName';
import { isNamedBranch } from '../shared/flowchart';
import { portsOf, type ActivityDescriptor } from './descriptors';
import { donePort, positionOf, type Activity, type Connection, type PhaseWorkflow, type Position } from './document';

export interface ActivityNodeData {
  [key: string]: unknown;
  activity: Activity;
  label: string;
  typeLabel: string;
  ports: string[];
  /** Each port's label in the page's language where the descriptor has one ("ChangesRequested" → 需修改). */
  portLabels: Record<string, string>;
  hasInbound: boolean;
  /** The validation messages that name the activity. */
  problems: string[];
  /** Where the model drew it (its stored position, or a fallback for an activity without one). */
  drawnAt: Position;
}

export interface DesignerNode {
  id: string;
  type: 'activity';
  position: Position;
  data: ActivityNodeData;
  selected?: boolean;
}

export interface ConnectionEdgeData {
  [key: string]: unknown;
  index: number;
  connection: Connection;
  problems: string[];
}

export interface DesignerEdge {
  id: string;
  source: string;
  sourceHandle: string;
  target: string;
  label?: string;
  data: ConnectionEdgeData;
  selected?: boolean;
}

/** A stable id for each connection: its ends, and a count when the same ends repeat. */
export function edgeIds(connections: readonly Connection[]): string[] {
  const seen = new Map<string, number>();
  return connections.map((c) => {
    const base = `${c.source.activity}:${c.source.port ?? donePort}->${c.target.activity}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return n === 0 ? base : `${base}#${n + 1}`;
  });
}

export function toFlowModel(
  document: PhaseWorkflow,
  descriptors: ReadonlyMap<string, ActivityDescriptor>,
  language: Language,
): { nodes: DesignerNode[]; edges: DesignerEdge[] } {
  const typeLabelOf = (activity: Activity) => localName(descriptors.get(activity.type)?.displayNames, language, activity.type);
  const nodeLabel = (activity: Activity) => localName(activity.metadata?.displayNames, language, activity.name ?? typeLabelOf(activity));
  const labelOf = (id: string) => {
    const a = document.root.activities.find((x) => x.id === id);
    return a ? nodeLabel(a) : id;
  };
  // A fork's branch handle is labelled by the activity it leads to; its name is an identifier in no language.
  const branchLabels = (activity: Activity) =>
    Object.fromEntries(
      document.root.connections
        .filter((c) => c.source.activity === activity.id && c.source.port && isNamedBranch(activity, c.source.port))
        .map((c) => [c.source.port!, labelOf(c.target.activity)]),
    );
  const nodes = document.root.activities.map((activity, index): DesignerNode => {
    const descriptor = descriptors.get(activity.type);
    const typeLabel = typeLabelOf(activity);
    const drawnAt = positionOf(activity) ?? { x: index * 260, y: 0 };
    return {
      id: activity.id,
      type: 'activity',
      position: drawnAt,
      data: {
        activity,
        label: nodeLabel(activity),
        typeLabel,
        ports: portsOf(activity, descriptor),
        portLabels: {
          ...Object.fromEntries(
            Object.entries(descriptor?.portDisplayNames ?? {}).map(([port, names]) => [port, localName(names, language, port)]),
          ),
          ...branchLabels(activity),
        },
        hasInbound: descriptor?.hasInboundPort ?? true,
        problems: [],
        drawnAt,
      },
    };
  });
  const ids = edgeIds(document.root.connections);
  const edges = document.root.connections.map((connection, index): DesignerEdge => {
    const port = connection.source.port ?? donePort;
    const sourceActivity = document.root.activities.find((a) => a.id === connection.source.activity);
    const fixed = descriptors.get(sourceActivity?.type ?? '')?.portDisplayNames?.[port];
    return {
      id: ids[index],
      source: connection.source.activity,
      sourceHandle: port,
      target: connection.target.activity,
      ...(port === donePort || isNamedBranch(sourceActivity, port) ? {} : { label: fixed ? localName(fixed, language, port) : port }),
      data: { index, connection, problems: [] },
    };
  });
  return { nodes, edges };
}

/**
 * The document of a model: each node's activity at the node's position, each edge's connection.
 * Everything else (inputs, variables, unknown fields) comes from the document the model was made from.
 */
export function fromFlowModel(document: PhaseWorkflow, nodes: readonly DesignerNode[], edges: readonly DesignerEdge[]): PhaseWorkflow {
  const activities = nodes.map((node) => {
    const activity = node.data.activity;
    // Unmoved nodes keep their activity as it was, without a position if it had none.
    const { drawnAt } = node.data;
    if (drawnAt.x === node.position.x && drawnAt.y === node.position.y) return activity;
    const metadata = activity.metadata ?? {};
    return { ...activity, metadata: { ...metadata, designer: { ...(metadata.designer ?? {}), position: { ...node.position } } } };
  });
  return { ...document, root: { ...document.root, activities, connections: edges.map((e) => e.data.connection) } };
}
