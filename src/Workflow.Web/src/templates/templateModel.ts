// A campaign template document (workflows/schema/campaign-template.schema.json) as the editor's
// form, and back. The form holds only what the editor shows; everything else of the document
// (variables, outputs, defaults, minimum/maximum, display names in other languages, fields a
// later format adds) is carried in `source` and written back untouched.

import { localName } from '../shared/localName';

type Json = Record<string, unknown>;

export interface GateForm {
  key: string;
  id: string;
  nameEn: string;
  nameZh: string;
  description: string;
  expression: string;
  source: Json;
}

export interface PhaseForm {
  key: string;
  id: string;
  nameEn: string;
  nameZh: string;
  description: string;
  workflowId: string;
  workflowVersion: number | null;
  gates: GateForm[];
  source: Json;
}

export interface InputForm {
  key: string;
  name: string;
  /** One of the engine's data types (shared/dataTypes.ts), or a type it does not know, kept as spelled. */
  type: string;
  required: boolean;
  description: string;
  source: Json;
}

export interface TemplateForm {
  definitionId: string;
  nameEn: string;
  nameZh: string;
  description: string;
  inputs: InputForm[];
  phases: PhaseForm[];
  source: Json;
}

/** A form's name (template, phase or gate) in the page's language, else in the other one, else its id. */
export function formName(language: string, nameEn: string, nameZh: string, id: string): string {
  return localName({ en: nameEn, 'zh-CN': nameZh }, language, nameZh || id);
}

let counter = 0;
/** A key for React lists that survives reordering (ids are edited, so they cannot be keys). */
export function newKey(): string {
  counter += 1;
  return `k${counter}`;
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const objects = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : []);
const names = (o: Json): Json => (isObject(o.displayNames) ? o.displayNames : {});

export function emptyGate(): GateForm {
  return { key: newKey(), id: '', nameEn: '', nameZh: '', description: '', expression: '', source: {} };
}

export function emptyPhase(): PhaseForm {
  return { key: newKey(), id: '', nameEn: '', nameZh: '', description: '', workflowId: '', workflowVersion: null, gates: [], source: {} };
}

export function emptyInput(): InputForm {
  return { key: newKey(), name: '', type: 'string', required: false, description: '', source: {} };
}

export function emptyTemplate(): TemplateForm {
  return { definitionId: '', nameEn: '', nameZh: '', description: '', inputs: [], phases: [emptyPhase()], source: {} };
}

/** The form of a template document (published or draft; a draft may be any JSON object). */
export function toForm(document: unknown): TemplateForm {
  const doc = isObject(document) ? document : {};
  return {
    definitionId: text(doc.definitionId),
    nameEn: text(names(doc).en),
    nameZh: text(names(doc)['zh-CN']) || text(doc.name),
    description: text(doc.description),
    inputs: objects(doc.inputs).map((i) => ({
      key: newKey(),
      name: text(i.name),
      type: text(i.type) || 'string',
      required: i.required === true,
      description: text(i.description),
      source: i,
    })),
    phases: objects(doc.phases).map((p) => {
      const workflow = isObject(p.workflow) ? p.workflow : {};
      return {
        key: newKey(),
        id: text(p.id),
        nameEn: text(names(p).en),
        nameZh: text(names(p)['zh-CN']) || text(p.name),
        description: text(p.description),
        workflowId: text(workflow.definitionId),
        workflowVersion: typeof workflow.version === 'number' ? workflow.version : null,
        gates: objects(p.exitGates).map((g) => {
          const condition = isObject(g.condition) && isObject(g.condition.expression) ? g.condition.expression : {};
          return {
            key: newKey(),
            id: text(g.id),
            nameEn: text(names(g).en),
            nameZh: text(names(g)['zh-CN']) || text(g.name),
            description: text(g.description),
            expression: text(condition.value),
            source: g,
          };
        }),
        source: p,
      };
    }),
    source: doc,
  };
}

/** Sets or removes (when empty) a key, keeping the object's key order for the rest. */
function put(target: Json, key: string, value: unknown): void {
  if (value === '' || value === undefined) delete target[key];
  else target[key] = value;
}

/** The display names: the source's other languages kept, en and zh-CN from the form. */
function displayNames(source: Json, en: string, zh: string): Json | undefined {
  // A document with only a name (the form shows it as the Chinese name) keeps having only a name.
  if (!isObject(source.displayNames) && !en && zh === text(source.name)) return undefined;
  const result: Json = { ...names(source) };
  put(result, 'en', en);
  put(result, 'zh-CN', zh);
  return Object.keys(result).length > 0 ? result : undefined;
}

/**
 * The document of a form. `name` is the Chinese name (the bureau's own), else the English one.
 * `version` is kept from the source or 1: publishing replaces it with the next version anyway.
 */
export function toDocument(form: TemplateForm): Json {
  const doc: Json = { ...form.source };
  put(doc, 'definitionId', form.definitionId.trim());
  doc.version = typeof form.source.version === 'number' ? form.source.version : 1;
  put(doc, 'name', form.nameZh.trim() || form.nameEn.trim());
  put(doc, 'displayNames', displayNames(form.source, form.nameEn.trim(), form.nameZh.trim()));
  put(doc, 'description', form.description);
  if (form.inputs.length > 0 || 'inputs' in form.source)
    doc.inputs = form.inputs.map((i) => {
      const input: Json = { ...i.source };
      put(input, 'name', i.name.trim());
      input.type = i.type;
      if (i.required) input.required = true;
      else if ('required' in input) input.required = false;
      put(input, 'description', i.description);
      return input;
    });
  doc.phases = form.phases.map((p) => {
    const phase: Json = { ...p.source };
    put(phase, 'id', p.id.trim());
    put(phase, 'name', p.nameZh.trim() || p.nameEn.trim());
    put(phase, 'displayNames', displayNames(p.source, p.nameEn.trim(), p.nameZh.trim()));
    put(phase, 'description', p.description);
    phase.workflow = { definitionId: p.workflowId, version: p.workflowVersion ?? 0 };
    if (p.gates.length > 0 || 'exitGates' in p.source)
      phase.exitGates = p.gates.map((g) => {
        const gate: Json = { ...g.source };
        put(gate, 'id', g.id.trim());
        put(gate, 'name', g.nameZh.trim() || g.nameEn.trim());
        put(gate, 'displayNames', displayNames(g.source, g.nameEn.trim(), g.nameZh.trim()));
        put(gate, 'description', g.description);
        const condition = isObject(g.source.condition) ? g.source.condition : {};
        gate.condition = { ...condition, expression: { type: 'JavaScript', value: g.expression } };
        return gate;
      });
    return phase;
  });
  return doc;
}

/** Moves the item at index by delta (-1 up, +1 down); the same array when it cannot move. */
export function move<T>(items: T[], index: number, delta: number): T[] {
  const to = index + delta;
  if (index < 0 || index >= items.length || to < 0 || to >= items.length) return items;
  const copy = [...items];
  const [item] = copy.splice(index, 1);
  copy.splice(to, 0, item);
  return copy;
}
