// The server's validation problems placed on what they name: an activity (node), a connection
// (edge), an input of an activity (a field of the properties form), one of the workflow's own
// inputs or variables (a row of the workflow's properties), or the workflow as a whole.

import type { Schemas } from '../shared/api';
import { pointerSegments } from '../shared/problemTitles';
import { donePort, type PhaseWorkflow } from './document';
import { edgeIds } from './model';

export type Problem = Schemas['ValidationErrorView'];

export interface PlacedProblems {
  byNode: Map<string, Problem[]>;
  byEdge: Map<string, Problem[]>;
  /** Keyed "activityId/inputName". */
  byField: Map<string, Problem[]>;
  /** Problems of the workflow's own inputs and variables, keyed "inputs/N" or "variables/N". */
  byDeclaration: Map<string, Problem[]>;
  /** Problems of the workflow itself (no start, no end, its inputs…). */
  general: Problem[];
}

function add<K>(map: Map<K, Problem[]>, key: K, problem: Problem) {
  const list = map.get(key);
  if (list) list.push(problem);
  else map.set(key, [problem]);
}

export function placeProblems(document: PhaseWorkflow, problems: readonly Problem[]): PlacedProblems {
  const placed: PlacedProblems = { byNode: new Map(), byEdge: new Map(), byField: new Map(), byDeclaration: new Map(), general: [] };
  const ids = edgeIds(document.root.connections);
  for (const problem of problems) {
    const [first, second, index, field] = pointerSegments(problem.jsonPointer);
    const inRoot = first === 'root';
    // A declaration that the document holds at that index (a stale index falls back to general).
    if (
      (first === 'inputs' || first === 'variables') &&
      second !== undefined &&
      /^\d+$/.test(second) &&
      Array.isArray(document[first]) &&
      Number(second) < (document[first] as unknown[]).length
    ) {
      add(placed.byDeclaration, `${first}/${second}`, problem);
      continue;
    }
    // A connection: by the index its pointer gives, else by the ends the server names.
    let edge: string | undefined;
    if (inRoot && second === 'connections' && index !== undefined && ids[Number(index)]) edge = ids[Number(index)];
    else if (problem.connection) {
      const c = problem.connection;
      const at = document.root.connections.findIndex(
        (x) => x.source.activity === c.source && (x.source.port ?? donePort) === c.sourcePort && x.target.activity === c.target,
      );
      if (at >= 0) edge = ids[at];
    }
    if (edge) {
      add(placed.byEdge, edge, problem);
      continue;
    }
    let activity = problem.activityId ?? undefined;
    if (inRoot && second === 'activities' && index !== undefined) activity = document.root.activities[Number(index)]?.id ?? activity;
    if (activity && document.root.activities.some((a) => a.id === activity)) {
      add(placed.byNode, activity, problem);
      // The input is the pointer's next segment, or (a missing input, which has no place to point at) the `input` argument.
      const input =
        inRoot && second === 'activities' && field && !['id', 'type', 'version', 'name', 'metadata'].includes(field)
          ? field
          : problem.arguments?.input;
      if (input) add(placed.byField, `${activity}/${input}`, problem);
      continue;
    }
    placed.general.push(problem);
  }
  return placed;
}
