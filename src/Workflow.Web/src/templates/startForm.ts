// The "start campaign" form: one field per template input, typed by its data type. Values are
// kept as the controls give them (text, a checkbox's boolean, or the list or record a structured
// field edits) and parsed when the form is sent.

import type { DataType } from '../shared/dataTypes';

export interface InputDeclaration {
  name: string;
  type: DataType;
  required?: boolean;
  default?: unknown;
  displayNames?: Record<string, string>;
  description?: string;
  /** The description by language, where the definition gives one. */
  descriptions?: Record<string, string>;
}

/** `structured`: a list or a record, edited as entries and fields (structuredInput.ts), never typed as JSON. */
export type Control = 'text' | 'textarea' | 'integer' | 'number' | 'checkbox' | 'date' | 'structured';

export function controlOf(type: DataType): Control {
  switch (type) {
    case 'string':
      return 'text';
    case 'text':
      return 'textarea';
    case 'integer':
    case 'number':
    case 'date':
      return type;
    case 'boolean':
      return 'checkbox';
    default:
      return 'structured';
  }
}

/** What a structured field holds: a list's entries (texts or records) or a record's fields. */
export type Structured = unknown[] | Record<string, unknown>;
export type FieldValue = string | boolean | Structured;

const listTypes = new Set<DataType>(['array', 'documents', 'findings']);

/** Whether a structured input is a list (of entries) rather than a record (of fields). */
export const isList = (type: DataType) => listTypes.has(type);

/** What a field shows at first: the input's default, written as its control takes it. */
export function initialValue(input: InputDeclaration): FieldValue {
  const control = controlOf(input.type);
  if (control === 'checkbox') return input.default === true;
  if (control === 'structured') {
    const list = isList(input.type);
    const fits = list
      ? Array.isArray(input.default)
      : typeof input.default === 'object' && input.default !== null && !Array.isArray(input.default);
    return fits ? structuredClone(input.default as Structured) : list ? [] : {};
  }
  if (input.default === undefined) return '';
  return String(input.default);
}

/** Why a value was refused, as a message key suffix: the page words it in its language. */
export type FieldError = 'required' | 'integer' | 'number' | 'date';

export type Parsed = { ok: true; value: unknown } | { ok: false; error: FieldError };

/** A structured value without the entries left blank (an empty text, a record with no field filled). */
export function withoutBlanks(value: unknown): unknown {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (Array.isArray(value)) return value.map(withoutBlanks).filter((v) => v !== undefined);
  if (value && typeof value === 'object') {
    const fields = Object.entries(value)
      .map(([k, v]) => [k.trim(), withoutBlanks(v)] as const)
      .filter(([k, v]) => k !== '' && v !== undefined);
    return fields.length === 0 ? undefined : Object.fromEntries(fields);
  }
  return value ?? undefined;
}

export function parseValue(type: DataType, raw: FieldValue): Parsed {
  if (typeof raw === 'boolean') return { ok: true, value: raw };
  if (typeof raw !== 'string') return { ok: true, value: withoutBlanks(raw) ?? (Array.isArray(raw) ? [] : {}) };
  const trimmed = raw.trim();
  switch (controlOf(type)) {
    case 'integer':
      return /^-?\d+$/.test(trimmed) ? { ok: true, value: Number(trimmed) } : { ok: false, error: 'integer' };
    case 'number':
      return trimmed !== '' && Number.isFinite(Number(trimmed)) ? { ok: true, value: Number(trimmed) } : { ok: false, error: 'number' };
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(trimmed) ? { ok: true, value: trimmed } : { ok: false, error: 'date' };
    default:
      return { ok: true, value: raw };
  }
}

/**
 * The parameters of the create request and each field's error. An empty optional field is left
 * out (the server fills the template's default); an empty required one is an error.
 */
export function buildParameters(
  inputs: readonly InputDeclaration[],
  values: Record<string, FieldValue>,
): { parameters: Record<string, unknown>; errors: Record<string, FieldError> } {
  const parameters: Record<string, unknown> = {};
  const errors: Record<string, FieldError> = {};
  for (const input of inputs) {
    const raw = values[input.name] ?? initialValue(input);
    const blank = typeof raw === 'string' ? raw.trim() === '' : typeof raw === 'object' && withoutBlanks(raw) === undefined;
    if (blank || (Array.isArray(raw) && (withoutBlanks(raw) as unknown[]).length === 0)) {
      if (input.required) errors[input.name] = 'required';
      continue;
    }
    const parsed = parseValue(input.type, raw);
    if (parsed.ok) parameters[input.name] = parsed.value;
    else errors[input.name] = parsed.error;
  }
  return { parameters, errors };
}
