import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import type { Translate } from '../shared/i18n';

// A template declares a list or record input by its type only ("array", "object"): what an entry
// holds is not declared. The start form therefore edits a list as entries, each a text (a team
// member's principal) or a record of named fields (a party group's id, name and leader), and a record
// as named fields; rjsf draws both. Field values are texts.

/** A record: fields the user names, each holding a text. */
const record = (title: string): RJSFSchema => ({ type: 'object', title, additionalProperties: { type: 'string' } });

export function structuredSchema(
  list: boolean,
  title: string,
  required: boolean,
  t: Translate,
): { schema: RJSFSchema; uiSchema: UiSchema } {
  if (!list) return { schema: record(title), uiSchema: {} };
  return {
    schema: {
      type: 'array',
      title,
      items: { title: t('formEntryKind'), anyOf: [{ type: 'string', title: t('formEntryText') }, record(t('formEntryRecord'))] },
    },
    uiSchema: {
      'ui:title': title,
      'ui:options': { orderable: false, copyable: false, required },
      items: { 'ui:label': false },
    },
  };
}
