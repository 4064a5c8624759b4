import type { Language } from './i18n';

/** The parts of a phase workflow document (the files of workflows/) that a flowchart picture needs. */
export interface WorkflowDocument {
  definitionId: string;
  root: {
    activities: {
      id: string;
      type: string;
      name?: string;
      metadata?: { designer?: { position?: { x: number; y: number } }; displayNames?: Record<string, string> };
    }[];
    connections: { source: { activity: string; port?: string }; target: { activity: string; port?: string } }[];
  };
}

export interface FlowNode {
  id: string;
  position: { x: number; y: number };
  data: { label: string; type: string };
}

export interface FlowEdge {
  id: string;
  source: string;
  target: string;
  label?: string;
}

/**
 * Nodes at the designer positions the definition stores, labelled in the chosen language; edges
 * labelled with their source port unless it is the default "Done".
 */
export function toFlow(document: WorkflowDocument, language: Language): { nodes: FlowNode[]; edges: FlowEdge[] } {
  const nodes = document.root.activities.map((activity, index) => ({
    id: activity.id,
    position: activity.metadata?.designer?.position ?? { x: index * 240, y: 0 },
    data: {
      label: activity.metadata?.displayNames?.[language] ?? activity.metadata?.displayNames?.en ?? activity.name ?? activity.id,
      type: activity.type,
    },
  }));
  const edges = document.root.connections.map((connection, index) => {
    const port = connection.source.port ?? 'Done';
    return {
      id: `${index}:${connection.source.activity}.${port}->${connection.target.activity}`,
      source: connection.source.activity,
      target: connection.target.activity,
      ...(port === 'Done' ? {} : { label: port }),
    };
  });
  return { nodes, edges };
}
