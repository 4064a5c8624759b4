// The "start campaign" form: one field per template input, typed by its data type. Values are
// kept as the controls give them (text, or a checkbox's boolean) and parsed when the form is sent.

import type { DataType } from '../shared/dataTypes';

export interface InputDeclaration {
  name: string;
  type: DataType;
  required?: boolean;
  default?: unknown;
  displayNames?: Record<string, string>;
  description?: string;
}

export type Control = 'text' | 'textarea' | 'integer' | 'number' | 'checkbox' | 'date' | 'json';

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
      return 'json';
  }
}

export type FieldValue = string | boolean;

/** What a field shows at first: the input's default, written as its control takes it. */
export function initialValue(input: InputDeclaration): FieldValue {
  const control = controlOf(input.type);
  if (control === 'checkbox') return input.default === true;
  if (input.default === undefined) return '';
  if (control === 'json') return JSON.stringify(input.default);
  return String(input.default);
}

/** Why a value was refused, as a message key suffix: the page words it in its language. */
export type FieldError = 'required' | 'integer' | 'number' | 'date' | 'json' | 'array' | 'object';

export type Parsed = { ok: true; value: unknown } | { ok: false; error: FieldError };

export function parseValue(type: DataType, raw: FieldValue): Parsed {
  if (typeof raw === 'boolean') return { ok: true, value: raw };
  const trimmed = raw.trim();
  switch (controlOf(type)) {
    case 'integer':
      return /^-?\d+$/.test(trimmed) ? { ok: true, value: Number(trimmed) } : { ok: false, error: 'integer' };
    case 'number':
      return trimmed !== '' && Number.isFinite(Number(trimmed)) ? { ok: true, value: Number(trimmed) } : { ok: false, error: 'number' };
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(trimmed) ? { ok: true, value: trimmed } : { ok: false, error: 'date' };
    case 'json': {
      let value: unknown;
      try {
        value = JSON.parse(trimmed);
      } catch {
        return { ok: false, error: 'json' };
      }
      if (type === 'array' && !Array.isArray(value)) return { ok: false, error: 'array' };
      if (type === 'object' && (typeof value !== 'object' || value === null || Array.isArray(value))) return { ok: false, error: 'object' };
      return { ok: true, value };
    }
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
    if (typeof raw === 'string' && raw.trim() === '') {
      if (input.required) errors[input.name] = 'required';
      continue;
    }
    const parsed = parseValue(input.type, raw);
    if (parsed.ok) parameters[input.name] = parsed.value;
    else errors[input.name] = parsed.error;
  }
  return { parameters, errors };
}
