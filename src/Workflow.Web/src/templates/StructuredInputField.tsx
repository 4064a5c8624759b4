import Form from '@rjsf/antd';
import validator from '@rjsf/validator-ajv8';
import { useMemo } from 'react';
import { useApp } from '../shared/context';
import { templates, translateString, widgets } from '../shared/jsonFormParts';
import type { Structured } from './startForm';
import { structuredSchema } from './structuredInput';

/**
 * One list or record input of the start form, edited as entries and fields by react-jsonschema-form
 * (never typed as JSON). A <div>, not a <form>: it sits inside the start form, which sends it.
 */
export function StructuredInputField({
  list,
  title,
  required,
  value,
  onChange,
}: {
  list: boolean;
  title: string;
  required: boolean;
  value: Structured;
  onChange: (value: Structured) => void;
}) {
  const { t } = useApp();
  const { schema, uiSchema } = useMemo(() => structuredSchema(list, title, required, t), [list, title, required, t]);
  return (
    <Form
      tagName="div"
      className="templates-structured"
      schema={schema}
      uiSchema={{ ...uiSchema, 'ui:submitButtonOptions': { norender: true } }}
      validator={validator}
      formData={value}
      onChange={(e) => onChange((e.formData ?? (list ? [] : {})) as Structured)}
      widgets={widgets}
      templates={templates}
      formContext={{ t }}
      translateString={translateString(t)}
      showErrorList={false}
      noHtml5Validate
    />
  );
}
