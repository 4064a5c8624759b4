import type { ErrorTransformer, FormValidation, RJSFSchema, UiSchema } from '@rjsf/utils';
import type { Language, Translate } from '../shared/i18n';

// The completion form of a task is drawn by react-jsonschema-form from its activity type's result
// JSON Schema (GET /api/v1/activity-descriptors → resultSchema). The schema describes the stored
// result: derived fields and the outcome are readOnly, so they are not asked for; a multi-port outcome
// (a review's Approved / ChangesRequested) is asked for as a field of its own, since the request
// carries it beside the result. This module turns the server's schema into the form's schema in the
// page's language, and words the validator's findings with the campaign page's messages.

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

export function label(labels: Partial<Record<Language, string>> | undefined, language: Language, fallback: string): string {
  return labels?.[language] ?? labels?.en ?? fallback;
}

/** The field the form adds for a task that leaves by one of several ports. */
export const outcomeField = 'outcome';

export interface CompletionForm {
  schema: RJSFSchema;
  uiSchema: UiSchema;
  /** The ports the user chooses between (a review), or null when the task has a single way on. */
  outcomes: string[] | null;
  rules: ResultRule[];
}

// The keywords the validator checks; annotations (x-…, readOnly, $schema) stay with the server.
const validated = ['type', 'format', 'pattern', 'minLength', 'minimum', 'maximum', 'minItems', 'enum', 'additionalProperties'] as const;

function resolve(schema: JsonSchema, root: JsonSchema): JsonSchema {
  const ref = schema.$ref;
  if (!ref?.startsWith('#/$defs/')) return schema;
  return { ...root.$defs?.[ref.slice('#/$defs/'.length)], ...schema, $ref: undefined };
}

/** One field's schema (refs inlined) and its ui in the page's language. */
function field(raw: JsonSchema, name: string, root: JsonSchema, language: Language): { schema: RJSFSchema; ui: UiSchema } {
  const source = resolve(raw, root);
  const schema: RJSFSchema = { title: label(source['x-displayNames'], language, source.title ?? name) };
  for (const keyword of validated) if (source[keyword] !== undefined) schema[keyword] = source[keyword] as never;
  const ui: UiSchema = {};
  if (source.enum) {
    const names = source['x-enumDisplayNames'] ?? {};
    ui['ui:enumNames'] = source.enum.map((value) => label(names[value], language, value));
  }
  if (source['x-dataType'] === 'text') ui['ui:widget'] = 'textarea';
  if (source['x-unit'] && source['x-unit'] !== 'ratio')
    ui['ui:description'] = label(source['x-unitDisplayNames'], language, source['x-unit']);
  if (source.type === 'array' && source.items) {
    const items = resolve(source.items, root);
    if (items.type === 'object' && items.properties) {
      const row = object(items, root, language, () => true);
      schema.items = row.schema;
      // Each row is named by its group ("Documents No. 1"), not by a title of its own.
      ui.items = { ...row.ui, 'ui:label': false };
      ui['ui:title'] = schema.title;
      ui['ui:options'] = { orderable: false, copyable: false };
    } else schema.items = field(items, name, root, language).schema;
  }
  return { schema, ui };
}

function object(source: JsonSchema, root: JsonSchema, language: Language, asked: (name: string, s: JsonSchema) => boolean) {
  const properties: Record<string, RJSFSchema> = {};
  const ui: UiSchema = {};
  for (const [name, s] of Object.entries(source.properties ?? {})) {
    if (!asked(name, s)) continue;
    const built = field(s, name, root, language);
    properties[name] = built.schema;
    ui[name] = built.ui;
  }
  const required = (source.required ?? []).filter((name) => name in properties);
  const schema: RJSFSchema = { type: 'object', properties, ...(required.length > 0 ? { required } : {}) };
  return { schema, ui };
}

/** The form for a result schema: the outcome choice first (where there is one), then every writable field in schema order. */
export function completionForm(result: JsonSchema, language: Language, t: Translate): CompletionForm {
  const built = object(result, result, language, (name, s) => name !== outcomeField && !s.readOnly);
  const ports = result.properties?.outcome?.enum ?? [];
  const outcomes = ports.length > 1 ? ports : null;
  if (!outcomes) return { ...built, uiSchema: built.ui, outcomes, rules: result['x-rules'] ?? [] };
  // The schema's label for the port; the page's own words for the review's two where the schema has none.
  const names = result.properties?.outcome?.['x-enumDisplayNames'] ?? {};
  const known = (o: string) =>
    o === 'Approved' ? t('campaignPageOutcomeApproved') : o === 'ChangesRequested' ? t('campaignPageOutcomeChangesRequested') : o;
  return {
    schema: {
      ...built.schema,
      properties: { [outcomeField]: { type: 'string', title: t('campaignPageOutcome'), enum: outcomes }, ...built.schema.properties },
      required: [outcomeField, ...(built.schema.required ?? [])],
    },
    uiSchema: { ...built.ui, [outcomeField]: { 'ui:enumNames': outcomes.map((o) => names[o]?.[language] ?? known(o)) } },
    outcomes,
    rules: result['x-rules'] ?? [],
  };
}

/** The validator's findings in the campaign page's words, one per field (the first: a date's format before its pattern). */
export function wordErrors(t: Translate): ErrorTransformer {
  return (errors) => {
    const seen = new Set<string>();
    return errors.flatMap((error) => {
      const path = error.property ?? '';
      if (seen.has(path)) return [];
      seen.add(path);
      const params = (error.params ?? {}) as Record<string, unknown>;
      const worded = (() => {
        switch (error.name) {
          case 'required':
            return t('campaignPageFieldRequired');
          case 'type':
            return params.type === 'integer' ? t('campaignPageFieldInteger') : t('campaignPageFieldNumber');
          case 'minimum':
            return t('campaignPageFieldMinimum', { min: String(params.limit) });
          case 'maximum':
            return t('campaignPageFieldMaximum', { max: String(params.limit) });
          case 'format':
            return params.format === 'date' ? t('campaignPageFieldDate') : t('campaignPageFieldPattern');
          case 'pattern':
            // "\S" and a minimum length of one only say "not blank".
            return params.pattern === '\\S' ? t('campaignPageFieldRequired') : t('campaignPageFieldPattern');
          case 'minLength':
            return t('campaignPageFieldRequired');
          case 'minItems':
            return t('campaignPageFieldMinItems', { min: String(params.limit) });
          default:
            return error.message;
        }
      })();
      return [{ ...error, message: worded }];
    });
  };
}

/** The rules across fields, with the server's own words for them in the page's language. */
export function checkRules(rules: readonly ResultRule[], language: Language) {
  return (data: Record<string, unknown> | undefined, errors: FormValidation<Record<string, unknown>>) => {
    const values = data ?? {};
    for (const rule of rules) {
      const limit = values[rule.limit];
      const parts = rule.fields.map((f) => values[f]);
      if (typeof limit !== 'number' || parts.some((p) => typeof p !== 'number')) continue;
      if ((parts as number[]).reduce((a, b) => a + b, 0) <= limit) continue;
      const text = label(rule.messages, language, rule.code).replace(/\{(\w+)\}/g, (whole, name: string) =>
        name in values ? String(values[name]) : whole,
      );
      (errors[rule.fields[0]] as { addError: (message: string) => void } | undefined)?.addError(text);
    }
    return errors;
  };
}

/** What the request carries: the outcome beside the result, blank texts left out like empty fields. */
export function completionBody(form: CompletionForm, data: Record<string, unknown>): { outcome?: string; result: Record<string, unknown> } {
  const { [outcomeField]: outcome, ...rest } = data;
  const clean = (value: unknown): unknown => {
    if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
    if (Array.isArray(value)) return value.map(clean);
    if (value && typeof value === 'object')
      return Object.fromEntries(
        Object.entries(value)
          .map(([k, v]) => [k, clean(v)] as const)
          .filter(([, v]) => v !== undefined),
      );
    return value;
  };
  const result = clean(form.outcomes ? rest : data) as Record<string, unknown>;
  return { outcome: form.outcomes ? String(outcome) : undefined, result };
}
