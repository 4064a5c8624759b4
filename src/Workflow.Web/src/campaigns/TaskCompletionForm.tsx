import { useMemo, useState, type FormEvent } from 'react';
import type { Language, Translate } from '../shared/i18n';
import {
  buildResult,
  formFromSchema,
  initialValues,
  label,
  type FieldProblem,
  type FormField,
  type FormValues,
  type JsonSchema,
  type Row,
} from './resultForm';

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

/** The completion form of one task, generated from its activity type's result schema. */
export function TaskCompletionForm({ taskId, taskName, schema, language, t, onSubmit, onCancel }: Props) {
  const form = useMemo(() => formFromSchema(schema ?? {}), [schema]);
  const [values, setValues] = useState<FormValues>(() => initialValues(form));
  const [outcome, setOutcome] = useState('');
  const [comment, setComment] = useState('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const idOf = (path: string) => `complete-${taskId}-${path}`.replace(/[^A-Za-z0-9_-]/g, '_');

  const message = (p: FieldProblem) => (p.text ? label(p.text, language, '') : p.key ? t(p.key, p.params) : '');
  const problemAt = (path: string) =>
    problems
      .filter((p) => p.path === path)
      .map(message)
      .join(' ');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const built = buildResult(form, values);
    const found = [...built.problems];
    if (form.outcomes && !outcome) found.push({ path: 'outcome', key: 'campaignPageFieldRequired' });
    setProblems(found);
    setRefusal(null);
    if (found.length > 0) return;
    setBusy(true);
    const refused = await onSubmit({
      outcome: form.outcomes ? outcome : undefined,
      result: built.result,
      comment: comment.trim() || undefined,
    });
    setBusy(false);
    setRefusal(refused);
  };

  const scalar = (field: FormField, value: string | boolean, change: (v: string | boolean) => void, path: string) => {
    const id = idOf(path);
    const problem = problemAt(path);
    const common = { id, 'aria-invalid': problem ? true : undefined, 'aria-describedby': problem ? `${id}-problem` : undefined };
    let input;
    switch (field.kind) {
      case 'boolean':
        input = <input type="checkbox" {...common} checked={value === true} onChange={(e) => change(e.target.checked)} />;
        break;
      case 'choice':
        input = (
          <select {...common} value={String(value)} onChange={(e) => change(e.target.value)}>
            <option value="">{t('campaignPageChoose')}</option>
            {field.choices?.map((c) => (
              <option key={c.value} value={c.value}>
                {label(c.labels, language, c.value)}
              </option>
            ))}
          </select>
        );
        break;
      case 'longText':
      case 'json':
        input = (
          <textarea {...common} rows={field.kind === 'json' ? 3 : 2} value={String(value)} onChange={(e) => change(e.target.value)} />
        );
        break;
      default:
        input = (
          <input
            {...common}
            type={field.kind === 'date' ? 'date' : field.kind === 'integer' || field.kind === 'number' ? 'number' : 'text'}
            step={field.kind === 'number' ? 'any' : undefined}
            value={String(value)}
            onChange={(e) => change(e.target.value)}
          />
        );
    }
    return (
      <div className="campaign-form-field" key={path}>
        <label htmlFor={id}>{label(field.labels, language, field.name)}</label>
        {field.required && (
          <span className="campaign-required" aria-hidden="true">
            *
          </span>
        )}{' '}
        {input}
        {field.unit && field.unit !== 'ratio' && <span className="campaign-unit"> {label(field.unitLabels, language, field.unit)}</span>}
        {problem && (
          <span id={`${id}-problem`} className="campaign-field-problem">
            {problem}
          </span>
        )}
      </div>
    );
  };

  const rows = (field: FormField) => {
    const list = (values[field.name] as Row[]) ?? [];
    const setRows = (next: Row[]) => setValues((v) => ({ ...v, [field.name]: next }));
    const problem = problemAt(field.name);
    return (
      <fieldset className="campaign-form-rows" key={field.name}>
        <legend>
          {label(field.labels, language, field.name)}
          {field.required && <span aria-hidden="true"> *</span>}
        </legend>
        {list.map((row, index) => (
          <div
            className="campaign-form-row"
            key={index}
            role="group"
            aria-label={`${label(field.labels, language, field.name)} ${t('campaignPageRowNumber', { n: index + 1 })}`}
          >
            {field.rowFields?.map((sub) =>
              scalar(
                sub,
                row[sub.name] ?? '',
                (v) => setRows(list.map((r, i) => (i === index ? { ...r, [sub.name]: String(v) } : r))),
                `${field.name}.${index}.${sub.name}`,
              ),
            )}
            <button type="button" onClick={() => setRows(list.filter((_, i) => i !== index))}>
              {t('campaignPageRemoveRow')}
            </button>
          </div>
        ))}
        <button type="button" onClick={() => setRows([...list, {}])}>
          {t('campaignPageAddRow')} · {label(field.labels, language, field.name)}
        </button>
        {problem && <span className="campaign-field-problem">{problem}</span>}
      </fieldset>
    );
  };

  // The schema's label for the port; the page's own words for the review's two where the schema has none.
  const known = (o: string) =>
    o === 'Approved' ? t('campaignPageOutcomeApproved') : o === 'ChangesRequested' ? t('campaignPageOutcomeChangesRequested') : o;
  const outcomeLabel = (o: string) => form.outcomeLabels[o]?.[language] ?? known(o);
  const headingId = idOf('heading');
  return (
    <form className="campaign-complete-form" aria-labelledby={headingId} onSubmit={(e) => void submit(e)} noValidate>
      <h3 id={headingId}>{t('campaignPageCompleteTitle', { task: taskName })}</h3>
      {form.fields.length === 0 && !form.outcomes && <p>{t('campaignPageNoForm')}</p>}
      {form.outcomes &&
        scalar(
          {
            name: 'outcome',
            labels: { en: t('campaignPageOutcome'), [language]: t('campaignPageOutcome') },
            kind: 'choice',
            required: true,
            choices: form.outcomes.map((o) => ({ value: o, labels: { [language]: outcomeLabel(o) } })),
          },
          outcome,
          (v) => setOutcome(String(v)),
          'outcome',
        )}
      {form.fields.map((field) =>
        field.kind === 'rows'
          ? rows(field)
          : scalar(field, values[field.name] as string | boolean, (v) => setValues((s) => ({ ...s, [field.name]: v })), field.name),
      )}
      <div className="campaign-form-field">
        <label htmlFor={idOf('comment')}>{t('campaignPageComment')}</label>{' '}
        <input id={idOf('comment')} type="text" value={comment} onChange={(e) => setComment(e.target.value)} />
      </div>
      {problems.length > 0 && (
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
    </form>
  );
}
