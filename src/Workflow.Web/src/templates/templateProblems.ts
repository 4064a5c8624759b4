// Where a validation problem belongs in the editor: the server places each one by a JSON Pointer
// into the document, and toDocument writes phases, gates and inputs in the form's order, so the
// indexes of a pointer are the form's (the editor clears problems when it reorders).

import type { Schemas } from '../shared/api';
import { pointerSegments } from '../shared/problemTitles';

export type Problem = Schemas['ValidationErrorView'];

/** The field a pointer names: "definitionId", "name", "phases.0.workflow", "phases.1.gates.0.expression", … or "template". */
export function fieldOf(pointer: string): string {
  const [head, a, b, c, d] = pointerSegments(pointer);
  if (head === 'definitionId') return 'definitionId';
  if (head === 'name' || head === 'displayNames') return 'name';
  if (head === 'inputs' && a !== undefined && /^\d+$/.test(a)) {
    if (b === 'name' || b === 'type') return `inputs.${a}.${b}`;
    return `inputs.${a}`;
  }
  if (head === 'phases') {
    if (a === undefined || !/^\d+$/.test(a)) return 'phases';
    if (b === 'id' || b === 'workflow') return `phases.${a}.${b}`;
    if (b === 'name' || b === 'displayNames') return `phases.${a}.name`;
    if (b === 'exitGates' && c !== undefined && /^\d+$/.test(c)) {
      if (d === 'condition') return `phases.${a}.gates.${c}.expression`;
      if (d === 'id') return `phases.${a}.gates.${c}.id`;
      if (d === 'name' || d === 'displayNames') return `phases.${a}.gates.${c}.name`;
      return `phases.${a}.gates.${c}`;
    }
    return `phases.${a}`;
  }
  return 'template';
}

/** The problems by field, each field's in the server's order. */
export function problemsByField(problems: readonly Problem[]): Map<string, Problem[]> {
  const byField = new Map<string, Problem[]>();
  for (const p of problems) {
    const field = fieldOf(p.jsonPointer);
    byField.set(field, [...(byField.get(field) ?? []), p]);
  }
  return byField;
}
