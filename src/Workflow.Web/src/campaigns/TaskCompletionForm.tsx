import Form from '@rjsf/antd';
import validator from '@rjsf/validator-ajv8';
import { useMemo, useState } from 'react';
import type { Language, Translate } from '../shared/i18n';
import { templates, translateString, widgets } from '../shared/jsonFormParts';
import { checkRules, completionBody, completionForm, wordErrors, type JsonSchema } from './resultSchema';

interface Props {
  taskId: string;
  taskName: string;
  schema: JsonSchema | undefined;
  language: Language;
  t: Translate;
  /** Sends the completion; resolves to the server's refusal (already in the page's language), or null. */
  onSubmit: (body: { outcome?: string; result: Record<string, unknown>; comment?: string }) => Promise<string | null>;
  onCancel: () => void;
}

/**
 * The completion form of one task, drawn by react-jsonschema-form (Ant Design theme) from its
 * activity type's result schema and checked by its Ajv validator before anything is sent. Labels,
 * choices and messages follow the language switch; the values typed so far stay.
 */
export function TaskCompletionForm({ taskId, taskName, schema, language, t, onSubmit, onCancel }: Props) {
  const form = useMemo(() => completionForm(schema ?? {}, language, t), [schema, language, t]);
  const transformErrors = useMemo(() => wordErrors(t), [t]);
  const customValidate = useMemo(() => checkRules(form.rules, language), [form.rules, language]);
  const [data, setData] = useState<Record<string, unknown>>({});
  const [comment, setComment] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const idOf = (part: string) => `complete-${taskId}-${part}`.replace(/[^A-Za-z0-9_-]/g, '_');
  const empty = Object.keys(form.schema.properties ?? {}).length === 0;

  const send = async (formData: Record<string, unknown>) => {
    setInvalid(false);
    setRefusal(null);
    setBusy(true);
    const refused = await onSubmit({ ...completionBody(form, formData), comment: comment.trim() || undefined });
    setBusy(false);
    setRefusal(refused);
  };

  const headingId = idOf('heading');
  // The named region is the form for assistive technology; rjsf's own <form> inside it has no props for a name.
  return (
    <div role="form" className="campaign-complete-form" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('campaignPageCompleteTitle', { task: taskName })}</h3>
      {empty && <p>{t('campaignPageNoForm')}</p>}
      <Form
        schema={form.schema}
        uiSchema={{ ...form.uiSchema, 'ui:submitButtonOptions': { norender: true } }}
        validator={validator}
        formData={data}
        onChange={(e) => setData((e.formData ?? {}) as Record<string, unknown>)}
        onSubmit={(e) => void send((e.formData ?? {}) as Record<string, unknown>)}
        onError={() => {
          setInvalid(true);
          setRefusal(null);
        }}
        transformErrors={transformErrors}
        customValidate={customValidate}
        widgets={widgets}
        templates={templates}
        formContext={{ t }}
        translateString={translateString(t)}
        idPrefix={idOf('field')}
        showErrorList={false}
        noHtml5Validate
      >
        <div className="campaign-form-field">
          <label htmlFor={idOf('comment')}>{t('campaignPageComment')}</label>{' '}
          <input id={idOf('comment')} type="text" value={comment} onChange={(e) => setComment(e.target.value)} />
        </div>
        {invalid && (
          <p role="alert" className="error">
            {t('campaignPageFixFields')}
          </p>
        )}
        {refusal && (
          <p role="alert" className="error" data-testid="completion-refusal">
            {refusal}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {t('campaignPageSubmitCompletion')}
        </button>{' '}
        <button type="button" onClick={onCancel}>
          {t('campaignPageCancel')}
        </button>
      </Form>
    </div>
  );
}
