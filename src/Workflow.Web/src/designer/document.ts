// A phase workflow document as the files of workflows/ hold it, and the pure edits the designer
// makes to it. The document is the editor's only state: the canvas is drawn from it, so what is
// saved, exported and validated is exactly what the admin sees. Fields the designer does not know
// are carried along untouched (the index signatures).

export interface Position {
  x: number;
  y: number;
}

export interface Activity {
  id: string;
  type: string;
  version?: number;
  name?: string;
  metadata?: { designer?: { position?: Position; [key: string]: unknown }; displayNames?: Record<string, string>; [key: string]: unknown };
  /** Every other property is an input of the activity type. */
  [input: string]: unknown;
}

export interface Endpoint {
  activity: string;
  port?: string;
  [key: string]: unknown;
}

export interface Connection {
  source: Endpoint;
  target: Endpoint;
  [key: string]: unknown;
}

export interface PhaseWorkflow {
  definitionId: string;
  version?: number;
  name?: string;
  displayNames?: Record<string, string>;
  root: { type?: string; id?: string; activities: Activity[]; connections: Connection[]; [key: string]: unknown };
  [key: string]: unknown;
}

/** The properties of an activity that are not inputs. */
export const activityFrame = new Set(['id', 'type', 'version', 'name', 'metadata']);

export const donePort = 'Done';
export const inPort = 'In';

/** A new workflow: a start joined to an end, ready for activities in between. */
export function newWorkflow(definitionId: string, names: { en: string; 'zh-CN': string }): PhaseWorkflow {
  return {
    definitionId,
    version: 1,
    name: names['zh-CN'] || names.en || definitionId,
    displayNames: { ...names },
    root: {
      type: 'Elsa.Flowchart',
      id: `${definitionId}-flowchart`,
      activities: [
        {
          id: 'start',
          type: 'Elsa.Start',
          version: 1,
          metadata: { designer: { position: { x: 0, y: 0 } }, displayNames: { en: 'Start', 'zh-CN': '开始' } },
        },
        {
          id: 'end',
          type: 'Elsa.End',
          version: 1,
          metadata: { designer: { position: { x: 520, y: 0 } }, displayNames: { en: 'End', 'zh-CN': '结束' } },
        },
      ],
      connections: [],
    },
  };
}

/** Whether a JSON value read from a file has the shape of a phase workflow (the server checks the rest). */
export function isPhaseWorkflow(value: unknown): value is PhaseWorkflow {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const root = (value as { root?: unknown }).root as { activities?: unknown; connections?: unknown } | undefined;
  return !!root && typeof root === 'object' && Array.isArray(root.activities) && Array.isArray(root.connections ?? []);
}

/** The document with connections defaulted to an empty list (Elsa files may leave it out). */
export function normalize(document: PhaseWorkflow): PhaseWorkflow {
  return Array.isArray(document.root.connections) ? document : { ...document, root: { ...document.root, connections: [] } };
}

/** An id for a new activity of a type: its short name in camelCase and the first free number. */
export function freshId(document: PhaseWorkflow, type: string): string {
  const short = type.split('.').pop() ?? 'activity';
  const stem = (short.charAt(0).toLowerCase() + short.slice(1)).replace(/[^A-Za-z0-9_-]/g, '') || 'activity';
  const taken = new Set(document.root.activities.map((a) => a.id));
  for (let n = 1; ; n++) if (!taken.has(`${stem}${n}`)) return `${stem}${n}`;
}

export function positionOf(activity: Activity): Position | undefined {
  return activity.metadata?.designer?.position;
}

function withPosition(activity: Activity, position: Position): Activity {
  const metadata = activity.metadata ?? {};
  return {
    ...activity,
    metadata: {
      ...metadata,
      designer: { ...(metadata.designer ?? {}), position: { x: Math.round(position.x), y: Math.round(position.y) } },
    },
  };
}

/** Where a click-added activity goes: right of the rightmost one, on the first row. */
export function nextFreePosition(document: PhaseWorkflow): Position {
  const positions = document.root.activities.map(positionOf).filter((p): p is Position => !!p);
  if (positions.length === 0) return { x: 0, y: 0 };
  return { x: Math.max(...positions.map((p) => p.x)) + 260, y: Math.min(...positions.map((p) => p.y)) };
}

function withActivities(document: PhaseWorkflow, activities: Activity[], connections = document.root.connections): PhaseWorkflow {
  return { ...document, root: { ...document.root, activities, connections } };
}

export function addActivity(document: PhaseWorkflow, activity: Activity, position: Position): PhaseWorkflow {
  return withActivities(document, [...document.root.activities, withPosition(activity, position)]);
}

export function moveActivity(document: PhaseWorkflow, id: string, position: Position): PhaseWorkflow {
  const now = document.root.activities.find((a) => a.id === id);
  const at = now && positionOf(now);
  // No move, no new document: so that a click on a node is not an undo step.
  if (at && at.x === Math.round(position.x) && at.y === Math.round(position.y)) return document;
  return withActivities(
    document,
    document.root.activities.map((a) => (a.id === id ? withPosition(a, position) : a)),
  );
}

export function replaceActivity(document: PhaseWorkflow, id: string, activity: Activity): PhaseWorkflow {
  return withActivities(
    document,
    document.root.activities.map((a) => (a.id === id ? activity : a)),
  );
}

/** Renames an activity and every connection that names it. */
export function renameActivity(document: PhaseWorkflow, id: string, newId: string): PhaseWorkflow {
  const rename = (e: Endpoint) => (e.activity === id ? { ...e, activity: newId } : e);
  return withActivities(
    document,
    document.root.activities.map((a) => (a.id === id ? { ...a, id: newId } : a)),
    document.root.connections.map((c) => ({ ...c, source: rename(c.source), target: rename(c.target) })),
  );
}

/** Removes activities and the connections from or to them. */
export function removeActivities(document: PhaseWorkflow, ids: readonly string[]): PhaseWorkflow {
  const gone = new Set(ids);
  return withActivities(
    document,
    document.root.activities.filter((a) => !gone.has(a.id)),
    document.root.connections.filter((c) => !gone.has(c.source.activity) && !gone.has(c.target.activity)),
  );
}

/** Connects a port to an activity's inbound port; a connection that exists already is not added twice. */
export function connect(document: PhaseWorkflow, source: string, port: string, target: string): PhaseWorkflow {
  const exists = document.root.connections.some(
    (c) => c.source.activity === source && (c.source.port ?? donePort) === port && c.target.activity === target,
  );
  if (exists) return document;
  const connection: Connection = { source: { activity: source, port }, target: { activity: target, port: inPort } };
  return withActivities(document, document.root.activities, [...document.root.connections, connection]);
}

/** Removes the connections at the given indexes. */
export function removeConnections(document: PhaseWorkflow, indexes: readonly number[]): PhaseWorkflow {
  const gone = new Set(indexes);
  return withActivities(
    document,
    document.root.activities,
    document.root.connections.filter((_, i) => !gone.has(i)),
  );
}

/** Sets each activity's position (auto-layout); activities not named keep theirs. */
export function placeActivities(document: PhaseWorkflow, positions: ReadonlyMap<string, Position>): PhaseWorkflow {
  return withActivities(
    document,
    document.root.activities.map((a) => (positions.has(a.id) ? withPosition(a, positions.get(a.id)!) : a)),
  );
}

/** The file's text: what Export downloads and Import reads. */
export function toFileText(document: PhaseWorkflow): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
