// The activity descriptors (GET /api/v1/activity-descriptors) and what the designer builds from
// them: the palette's groups, each node's ports, and the properties form of an activity.

import type { Language } from '../shared/i18n';
import { localName } from '../shared/localName';
import { activityFrame, donePort, type Activity } from './document';

export type Names = Partial<Record<string, string>>;

export interface InputDescriptor {
  name: string;
  type: string;
  displayNames: Names;
  required: boolean;
  supportsExpression: boolean;
  expressionOnly: boolean;
  default?: unknown;
  allowedValues?: string[];
  minimum?: number;
}

export interface ActivityDescriptor {
  typeName: string;
  displayNames: Names;
  descriptions?: Names;
  category: string;
  categoryDisplayNames?: Names;
  kind: string;
  inputs: InputDescriptor[];
  outboundPorts: string[];
  /** The fixed ports' labels by port name and language (a fork's branch names have none). */
  portDisplayNames?: Record<string, Names>;
  portsFromInput?: string | null;
  hasInboundPort: boolean;
}

/** The palette: descriptors grouped by category, in catalog order. */
export function paletteGroups(descriptors: readonly ActivityDescriptor[], language: Language) {
  const groups: { category: string; label: string; items: { typeName: string; label: string; description: string }[] }[] = [];
  for (const d of descriptors) {
    let group = groups.find((g) => g.category === d.category);
    if (!group) groups.push((group = { category: d.category, label: localName(d.categoryDisplayNames, language, d.category), items: [] }));
    group.items.push({
      typeName: d.typeName,
      label: localName(d.displayNames, language, d.typeName),
      description: localName(d.descriptions, language, ''),
    });
  }
  return groups;
}

/** A new activity of a type, named in both languages after its type. */
export function newActivity(descriptor: ActivityDescriptor, id: string): Activity {
  const activity: Activity = {
    id,
    type: descriptor.typeName,
    version: 1,
    metadata: {
      displayNames: {
        en: descriptor.displayNames.en ?? descriptor.typeName,
        'zh-CN': descriptor.displayNames['zh-CN'] ?? descriptor.typeName,
      },
    },
  };
  if (descriptor.displayNames['zh-CN']) activity.name = descriptor.displayNames['zh-CN'];
  // A fork needs its branches to have ports at all; two is the least it may have.
  if (descriptor.portsFromInput) activity[descriptor.portsFromInput] = ['A', 'B'];
  return activity;
}

/** The outbound ports of an activity: its type's, or (a fork) the values of the input that names them. */
export function portsOf(activity: Activity, descriptor: ActivityDescriptor | undefined): string[] {
  if (!descriptor) return [donePort];
  if (descriptor.portsFromInput) {
    const value = activity[descriptor.portsFromInput];
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.length > 0) : [];
  }
  return descriptor.outboundPorts;
}

export type FieldKind = 'string' | 'text' | 'number' | 'boolean' | 'date' | 'choice' | 'list' | 'json' | 'expression';

/** One field of the properties form: how to edit an input, and its current value as text. */
export interface FormField {
  name: string;
  label: string;
  kind: FieldKind;
  required: boolean;
  /** Whether the admin may switch between a literal and an expression. */
  canBeExpression: boolean;
  /** The current value is (or must be) an expression. */
  isExpression: boolean;
  value: string;
  options?: string[];
  placeholder?: string;
}

interface ExpressionValue {
  expression: { type: string; value: string };
}

function isExpression(value: unknown): value is ExpressionValue {
  const e = (value as ExpressionValue | null)?.expression;
  return !!e && typeof e === 'object' && e.type !== 'Literal' && typeof e.value === 'string';
}

/** The literal inside Elsa's wrapped form ({typeName, expression: {type: Literal, value}}), or the value itself. */
function literalOf(value: unknown): unknown {
  const e = (value as { expression?: { type?: string; value?: unknown } } | null)?.expression;
  return e && typeof e === 'object' && e.type === 'Literal' ? e.value : value;
}

function kindOf(input: InputDescriptor): FieldKind {
  if (input.expressionOnly) return 'expression';
  if (input.allowedValues?.length) return 'choice';
  switch (input.type) {
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'date':
      return 'date';
    case 'text':
      return 'text';
    case 'array':
      return 'list';
    case 'string':
      return 'string';
    default:
      return 'json';
  }
}

function textOf(kind: FieldKind, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (kind === 'list' && Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join(', ');
  if (typeof value === 'string') return kind === 'json' ? JSON.stringify(value) : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** The form of an activity: one field per input of its type, filled from the activity. */
export function formFields(activity: Activity, descriptor: ActivityDescriptor, language: Language): FormField[] {
  return descriptor.inputs.map((input) => {
    const raw = activity[input.name];
    const kind = kindOf(input);
    const expression = isExpression(raw);
    return {
      name: input.name,
      label: localName(input.displayNames, language, input.name),
      kind,
      required: input.required,
      canBeExpression: input.supportsExpression && !input.expressionOnly,
      isExpression: kind === 'expression' || expression,
      value: expression ? raw.expression.value : textOf(kind, literalOf(raw)),
      options: input.allowedValues,
      placeholder: input.default !== undefined ? textOf(kind, input.default) : undefined,
    };
  });
}

/**
 * The activity with a field set from the text the admin typed: an expression as
 * {expression: {type: JavaScript, value}}, a literal as plain JSON of the input's type; empty
 * text removes the input. Text that is not a value of the type is kept as typed (a string), so
 * the server's validation names the problem next to the field instead of the input losing it.
 */
export function setField(activity: Activity, field: Pick<FormField, 'name' | 'kind'>, text: string, asExpression: boolean): Activity {
  const next: Activity = { ...activity };
  if (activityFrame.has(field.name)) return activity;
  if (text.trim() === '') {
    delete next[field.name];
    return next;
  }
  if (asExpression || field.kind === 'expression') {
    next[field.name] = { expression: { type: 'JavaScript', value: text } };
    return next;
  }
  next[field.name] = literalFrom(field.kind, text);
  return next;
}

function literalFrom(kind: FieldKind, text: string): unknown {
  switch (kind) {
    case 'number': {
      const n = Number(text);
      return Number.isFinite(n) ? n : text;
    }
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : text;
    case 'list':
      return text
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
    case 'json':
      try {
        return JSON.parse(text) as unknown;
      } catch {
        return text;
      }
    default:
      return text;
  }
}

/** The activity with its display name in one language set (and `name`, which Elsa shows, kept to the Chinese one). */
export function setDisplayName(activity: Activity, language: Language, text: string): Activity {
  const metadata = activity.metadata ?? {};
  const displayNames = { ...(metadata.displayNames ?? {}) };
  if (text) displayNames[language] = text;
  else delete displayNames[language];
  const next: Activity = { ...activity, metadata: { ...metadata, displayNames } };
  if (language === 'zh-CN') {
    if (text) next.name = text;
    else delete next.name;
  }
  return next;
}
