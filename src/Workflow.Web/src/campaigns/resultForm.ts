import type { Language } from '../shared/i18n';

// The completion form of a task, generated from its activity type's result JSON Schema (GET
// /api/v1/activity-descriptors → resultSchema). The schema describes the stored result: derived
// fields and the outcome are readOnly, so they are not asked for; a multi-port outcome (a review's
// Approved / ChangesRequested) is asked for separately, since the request carries it beside the result.

/** The subset of JSON Schema the server's result schemas use. */
export interface JsonSchema {
  type?: string;
  title?: string;
  format?: string;
  pattern?: string;
  minLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  enum?: string[];
  readOnly?: boolean;
  required?: string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  'x-dataType'?: string;
  'x-displayNames'?: Partial<Record<Language, string>>;
  'x-enumDisplayNames'?: Record<string, Partial<Record<Language, string>>>;
  'x-unit'?: string;
  'x-unitDisplayNames'?: Partial<Record<Language, string>>;
  'x-rules'?: ResultRule[];
  /** Other keywords and annotations ($schema, additionalProperties, x-derived…) the form does not use. */
  [keyword: string]: unknown;
}

/** A rule across fields the schema cannot say: the sum of `fields` must not exceed `limit`. */
export interface ResultRule {
  code: string;
  fields: string[];
  limit: string;
  messages: Partial<Record<Language, string>>;
}

export type FieldKind = 'text' | 'longText' | 'integer' | 'number' | 'boolean' | 'date' | 'choice' | 'rows' | 'json';

export interface FormField {
  name: string;
  labels: Partial<Record<Language, string>>;
  kind: FieldKind;
  required: boolean;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  pattern?: string;
  choices?: { value: string; labels: Partial<Record<Language, string>> }[];
  unit?: string;
  /** The unit's word in each language ("people" → 人), where the server has one. */
  unitLabels?: Partial<Record<Language, string>>;
  /** For rows: the fields of one row (a document, a finding). */
  rowFields?: FormField[];
}

export interface ResultForm {
  fields: FormField[];
  /** The ports the user chooses between (a review), or null when the task has a single way on. */
  outcomes: string[] | null;
  /** Each outcome's label by language, from the schema (x-enumDisplayNames); empty from an older server. */
  outcomeLabels: Record<string, Partial<Record<Language, string>>>;
  rules: ResultRule[];
}

export type Row = Record<string, string>;
export type FieldValue = string | boolean | Row[];
export type FormValues = Record<string, FieldValue>;

/** What went wrong with one field: a message key of the campaign page and its parameters, or a server-worded rule message. */
export interface FieldProblem {
  path: string;
  key?:
    | 'campaignPageFieldRequired'
    | 'campaignPageFieldInteger'
    | 'campaignPageFieldNumber'
    | 'campaignPageFieldMinimum'
    | 'campaignPageFieldMaximum'
    | 'campaignPageFieldDate'
    | 'campaignPageFieldPattern'
    | 'campaignPageFieldMinItems'
    | 'campaignPageFieldJson';
  params?: Record<string, string | number>;
  text?: Partial<Record<Language, string>>;
}

export function label(labels: Partial<Record<Language, string>> | undefined, language: Language, fallback: string): string {
  return labels?.[language] ?? labels?.en ?? fallback;
}

function resolve(schema: JsonSchema, root: JsonSchema): JsonSchema {
  const ref = schema.$ref;
  if (!ref?.startsWith('#/$defs/')) return schema;
  return { ...root.$defs?.[ref.slice('#/$defs/'.length)], ...schema, $ref: undefined };
}

function toField(name: string, raw: JsonSchema, required: boolean, root: JsonSchema): FormField {
  const schema = resolve(raw, root);
  const base = {
    name,
    labels: schema['x-displayNames'] ?? { en: schema.title ?? name },
    required,
    unit: schema['x-unit'],
    unitLabels: schema['x-unitDisplayNames'],
  };
  if (schema.enum) {
    const names = schema['x-enumDisplayNames'] ?? {};
    return { ...base, kind: 'choice', choices: schema.enum.map((value) => ({ value, labels: names[value] ?? { en: value } })) };
  }
  switch (schema.type) {
    case 'integer':
    case 'number':
      return { ...base, kind: schema.type, minimum: schema.minimum, maximum: schema.maximum };
    case 'boolean':
      return { ...base, kind: 'boolean' };
    case 'string':
      if (schema.format === 'date') return { ...base, kind: 'date' };
      // A required text's "\S" pattern only says "not blank", which the required check says better.
      return {
        ...base,
        kind: schema['x-dataType'] === 'text' ? 'longText' : 'text',
        pattern: schema.pattern && schema.pattern !== '\\S' ? schema.pattern : undefined,
      };
    case 'array': {
      const items = schema.items ? resolve(schema.items, root) : undefined;
      if (items?.type === 'object' && items.properties) {
        const rowRequired = new Set(items.required ?? []);
        return {
          ...base,
          kind: 'rows',
          minItems: schema.minItems,
          rowFields: Object.entries(items.properties).map(([n, s]) => toField(n, s, rowRequired.has(n), root)),
        };
      }
      return { ...base, kind: 'json' };
    }
    default:
      return { ...base, kind: 'json' };
  }
}

/** The form for a result schema: every writable field in schema order, the outcome choice, the cross-field rules. */
export function formFromSchema(schema: JsonSchema): ResultForm {
  const required = new Set(schema.required ?? []);
  const fields = Object.entries(schema.properties ?? {})
    .filter(([name, s]) => name !== 'outcome' && !s.readOnly)
    .map(([name, s]) => toField(name, s, required.has(name), schema));
  const ports = schema.properties?.outcome?.enum ?? [];
  const outcomeLabels = schema.properties?.outcome?.['x-enumDisplayNames'] ?? {};
  return { fields, outcomes: ports.length > 1 ? ports : null, outcomeLabels, rules: schema['x-rules'] ?? [] };
}

/** The empty value a field starts with. */
export function initialValues(form: ResultForm): FormValues {
  return Object.fromEntries(form.fields.map((f) => [f.name, f.kind === 'boolean' ? false : f.kind === 'rows' ? [] : '']));
}

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/** One scalar from its text: the typed value, undefined when empty, or a problem. */
function coerce(field: FormField, text: string, path: string): { value?: unknown; problem?: FieldProblem } {
  const trimmed = text.trim();
  if (trimmed === '') return field.required ? { problem: { path, key: 'campaignPageFieldRequired' } } : {};
  switch (field.kind) {
    case 'integer':
    case 'number': {
      const n = Number(trimmed);
      if (!Number.isFinite(n) || (field.kind === 'integer' && !Number.isInteger(n)))
        return { problem: { path, key: field.kind === 'integer' ? 'campaignPageFieldInteger' : 'campaignPageFieldNumber' } };
      if (field.minimum !== undefined && n < field.minimum)
        return { problem: { path, key: 'campaignPageFieldMinimum', params: { min: field.minimum } } };
      if (field.maximum !== undefined && n > field.maximum)
        return { problem: { path, key: 'campaignPageFieldMaximum', params: { max: field.maximum } } };
      return { value: n };
    }
    case 'date':
      return datePattern.test(trimmed) && !Number.isNaN(Date.parse(trimmed))
        ? { value: trimmed }
        : { problem: { path, key: 'campaignPageFieldDate' } };
    case 'json':
      try {
        return { value: JSON.parse(trimmed) };
      } catch {
        return { problem: { path, key: 'campaignPageFieldJson' } };
      }
    default:
      if (field.pattern && !new RegExp(field.pattern).test(trimmed)) return { problem: { path, key: 'campaignPageFieldPattern' } };
      return { value: trimmed };
  }
}

/**
 * The result to send, or the problems to show next to the fields. Empty optional fields are left
 * out (the server treats absent and empty alike only for some types, so absent is the safe choice).
 */
export function buildResult(form: ResultForm, values: FormValues): { result: Record<string, unknown>; problems: FieldProblem[] } {
  const result: Record<string, unknown> = {};
  const problems: FieldProblem[] = [];
  for (const field of form.fields) {
    const value = values[field.name];
    if (field.kind === 'boolean') {
      result[field.name] = value === true;
      continue;
    }
    if (field.kind === 'rows') {
      const rows = Array.isArray(value) ? value : [];
      const built = rows.map((row, index) => {
        const item: Record<string, unknown> = {};
        for (const sub of field.rowFields ?? []) {
          const c = coerce(sub, row[sub.name] ?? '', `${field.name}.${index}.${sub.name}`);
          if (c.problem) problems.push(c.problem);
          else if (c.value !== undefined) item[sub.name] = c.value;
        }
        return item;
      });
      const needed = field.minItems ?? (field.required ? 1 : 0);
      if (built.length < needed)
        problems.push(
          field.required && needed <= 1
            ? { path: field.name, key: 'campaignPageFieldRequired' }
            : { path: field.name, key: 'campaignPageFieldMinItems', params: { min: needed } },
        );
      if (built.length > 0 || field.required) result[field.name] = built;
      continue;
    }
    const c = coerce(field, typeof value === 'string' ? value : '', field.name);
    if (c.problem) problems.push(c.problem);
    else if (c.value !== undefined) result[field.name] = c.value;
  }
  for (const rule of form.rules) {
    const limit = result[rule.limit];
    const parts = rule.fields.map((f) => result[f]);
    if (typeof limit !== 'number' || parts.some((p) => typeof p !== 'number')) continue;
    const sum = (parts as number[]).reduce((a, b) => a + b, 0);
    if (sum > limit) {
      const fill = (text: string | undefined) =>
        text?.replace(/\{(\w+)\}/g, (whole, name: string) => (name in result ? String(result[name]) : whole));
      problems.push({ path: rule.fields[0], text: { en: fill(rule.messages.en), 'zh-CN': fill(rule.messages['zh-CN']) } });
    }
  }
  return { result, problems };
}
