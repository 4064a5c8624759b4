import type { Language } from './i18n';
import { localName } from './localName';

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

/** The parts of an activity descriptor (GET /api/v1/activity-descriptors) that label its ports. */
export interface PortNamingDescriptor {
  typeName: string;
  /** Each fixed port's label by port name and language ("Approved" → {en: "Approved", "zh-CN": "通过"}). */
  portDisplayNames?: Record<string, Record<string, string>>;
}

/** A port's label in the page's language, or undefined where there is none (a fork's branch names). */
export type PortLabel = (activityType: string, port: string) => string | undefined;

/**
 * Whether a port is one the activity names itself, a fork's branch ("Opinions", "Talks"): an
 * identifier the admin typed, in no language. Its edge needs no label (the activity it leads to
 * names it), and its handle is labelled by that activity.
 */
export function isNamedBranch(activity: Record<string, unknown> | undefined, port: string): boolean {
  if (!activity) return false;
  return Object.entries(activity).some(([key, value]) => key !== 'metadata' && Array.isArray(value) && value.includes(port));
}

/** Port labels in a language from the descriptors, falling back to English. */
export function portLabels(descriptors: readonly PortNamingDescriptor[], language: Language): PortLabel {
  const byType = new Map(descriptors.map((d) => [d.typeName, d.portDisplayNames ?? {}]));
  return (activityType, port) => {
    const names = byType.get(activityType)?.[port];
    return names?.[language] || names?.en || undefined;
  };
}

/**
 * Nodes at the designer positions the definition stores, labelled in the chosen language; edges
 * labelled with their source port unless it is the default "Done" or a fork's named branch — by the port's label in that
 * language when the caller has the descriptors' labels, else by the port's name.
 */
export function toFlow(document: WorkflowDocument, language: Language, portLabel?: PortLabel): { nodes: FlowNode[]; edges: FlowEdge[] } {
  const typeOf = new Map(document.root.activities.map((a) => [a.id, a.type]));
  const byId = new Map(document.root.activities.map((a) => [a.id, a as unknown as Record<string, unknown>]));
  const nodes = document.root.activities.map((activity, index) => ({
    id: activity.id,
    position: activity.metadata?.designer?.position ?? { x: index * 240, y: 0 },
    data: {
      label: localName(activity.metadata?.displayNames, language, activity.name ?? activity.id),
      type: activity.type,
    },
  }));
  const edges = document.root.connections.map((connection, index) => {
    const port = connection.source.port ?? 'Done';
    return {
      id: `${index}:${connection.source.activity}.${port}->${connection.target.activity}`,
      source: connection.source.activity,
      target: connection.target.activity,
      ...(port === 'Done' || isNamedBranch(byId.get(connection.source.activity), port)
        ? {}
        : { label: portLabel?.(typeOf.get(connection.source.activity) ?? '', port) ?? port }),
    };
  });
  return { nodes, edges };
}
