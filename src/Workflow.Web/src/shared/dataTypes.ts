// The engine's data types (Workflow.Engine/Values/DataTypes.cs), as definitions spell them, and
// the word each is shown by. The designer and the template editor both offer them; one list keeps
// a type the engine knows from being missing in one of them.

import type { MessageKey } from './i18n';

export const dataTypes = ['string', 'text', 'integer', 'number', 'boolean', 'date', 'array', 'object', 'documents', 'findings'] as const;
export type DataType = (typeof dataTypes)[number];

export function isDataType(type: string): type is DataType {
  return (dataTypes as readonly string[]).includes(type);
}

/** The message key of each type's word. */
export const dataTypeLabels: Record<DataType, MessageKey> = {
  string: 'dataTypeString',
  text: 'dataTypeText',
  integer: 'dataTypeInteger',
  number: 'dataTypeNumber',
  boolean: 'dataTypeBoolean',
  date: 'dataTypeDate',
  array: 'dataTypeArray',
  object: 'dataTypeObject',
  documents: 'dataTypeDocuments',
  findings: 'dataTypeFindings',
};
