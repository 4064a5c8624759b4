// The workflow's own declarations: `inputs` (what a campaign template feeds the phase, bound by
// name) and `variables` (Elsa-shaped: `typeName`, `isArray`, and `value` a JSON string). These are
// pure edits of the document, as the activity edits in document.ts; each returns a new document and
// keeps every field of a declaration it does not touch (minimum, maximum, default, id…).

import type { PhaseWorkflow } from './document';

export interface WorkflowInput {
  name: string;
  type: string;
  required?: boolean;
  description?: string;
  displayNames?: Record<string, string>;
  [key: string]: unknown;
}

export interface WorkflowVariable {
  name: string;
  typeName?: string;
  isArray?: boolean;
  /** A JSON text (a raw text for String variables), as in Elsa. */
  value?: unknown;
  [key: string]: unknown;
}

export type DeclarationKind = 'inputs' | 'variables';

/** Elsa's variable type names the engine reads: String keeps the value as text, the others parse it as JSON. */
export const variableTypeNames = ['Object', 'String', 'Int32', 'Int64', 'Double', 'Decimal', 'Boolean', 'DateTime'] as const;

export function inputsOf(document: PhaseWorkflow): WorkflowInput[] {
  return Array.isArray(document.inputs) ? (document.inputs as WorkflowInput[]) : [];
}

export function variablesOf(document: PhaseWorkflow): WorkflowVariable[] {
  return Array.isArray(document.variables) ? (document.variables as WorkflowVariable[]) : [];
}

function listOf(document: PhaseWorkflow, kind: DeclarationKind): Record<string, unknown>[] {
  return kind === 'inputs' ? inputsOf(document) : variablesOf(document);
}

function withList(document: PhaseWorkflow, kind: DeclarationKind, list: unknown[]): PhaseWorkflow {
  return { ...document, [kind]: list };
}

/** The first free name of a stem across inputs and variables (expressions read both by name). */
export function freshDeclarationName(document: PhaseWorkflow, stem: string): string {
  const taken = new Set([...inputsOf(document), ...variablesOf(document)].map((d) => d.name));
  for (let n = 1; ; n++) if (!taken.has(`${stem}${n}`)) return `${stem}${n}`;
}

export function addInput(document: PhaseWorkflow): PhaseWorkflow {
  const input: WorkflowInput = { name: freshDeclarationName(document, 'input'), type: 'string', required: false };
  return withList(document, 'inputs', [...inputsOf(document), input]);
}

export function addVariable(document: PhaseWorkflow): PhaseWorkflow {
  const variable: WorkflowVariable = { name: freshDeclarationName(document, 'variable'), typeName: 'Object' };
  return withList(document, 'variables', [...variablesOf(document), variable]);
}

export function removeDeclaration(document: PhaseWorkflow, kind: DeclarationKind, index: number): PhaseWorkflow {
  const list = listOf(document, kind);
  if (index < 0 || index >= list.length) return document;
  return withList(
    document,
    kind,
    list.filter((_, i) => i !== index),
  );
}

/**
 * Sets fields of one declaration; a field set to `undefined` is removed (an emptied description
 * leaves no "" behind). Other fields are kept as they are.
 */
export function updateDeclaration(
  document: PhaseWorkflow,
  kind: DeclarationKind,
  index: number,
  fields: Record<string, unknown>,
): PhaseWorkflow {
  const list = listOf(document, kind);
  const current = list[index];
  if (!current) return document;
  const next: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) delete next[key];
    else next[key] = value;
  }
  return withList(
    document,
    kind,
    list.map((d, i) => (i === index ? next : d)),
  );
}

/** Sets one language's display name; an emptied name is removed, and an empty map with it. */
export function setDeclarationDisplayName(
  document: PhaseWorkflow,
  kind: DeclarationKind,
  index: number,
  language: string,
  text: string,
): PhaseWorkflow {
  const current = listOf(document, kind)[index];
  if (!current) return document;
  const names: Record<string, string> = { ...((current.displayNames as Record<string, string> | undefined) ?? {}) };
  if (text) names[language] = text;
  else delete names[language];
  return updateDeclaration(document, kind, index, { displayNames: Object.keys(names).length ? names : undefined });
}

/** The initial value of a variable as the field shows it. */
export function variableValueText(variable: WorkflowVariable): string {
  if (variable.value === undefined || variable.value === null) return '';
  return typeof variable.value === 'string' ? variable.value : JSON.stringify(variable.value);
}

export type ValueCheck = { ok: true; value: string | undefined } | { ok: false; error: string };

/**
 * The `value` to store for a typed initial value: nothing for an empty field, the text itself for a
 * String variable, else the text once it parses as JSON (the server checks it against the type).
 */
export function checkVariableValue(text: string, typeName: string | undefined): ValueCheck {
  if (text.trim() === '') return { ok: true, value: undefined };
  if (typeName === 'String' || typeName === 'string') return { ok: true, value: text };
  try {
    JSON.parse(text);
    return { ok: true, value: text };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}
