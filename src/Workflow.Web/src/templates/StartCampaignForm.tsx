import { lazy, Suspense, useState, type FormEvent } from 'react';
import { unwrap } from '../shared/api';
import { useApp } from '../shared/context';
import { navigate } from '../shared/router';
import { errorMessage, staleAfterCampaignChange, useInvalidate } from '../shared/queries';
import { helpText, localName } from '../shared/localName';
import {
  buildParameters,
  controlOf,
  initialValue,
  type FieldError,
  type FieldValue,
  type InputDeclaration,
  type Structured,
  isList,
} from './startForm';

// Lists and records are edited with react-jsonschema-form: loaded only for a template that has one.
const StructuredInputField = lazy(() => import('./StructuredInputField').then((m) => ({ default: m.StructuredInputField })));

/**
 * Starts a campaign from a published template version: creates it with a value per input, fires
 * its start trigger (the API creates campaigns not started), then opens the campaign's page.
 */
export function StartCampaignForm({ templateId, version, inputs }: { templateId: string; version: number; inputs: InputDeclaration[] }) {
  const { api, language, t } = useApp();
  const failed = t('requestFailed');
  const [name, setName] = useState('');
  const [organization, setOrganization] = useState('');
  const [values, setValues] = useState<Record<string, FieldValue>>(() => Object.fromEntries(inputs.map((i) => [i.name, initialValue(i)])));
  const [fieldErrors, setFieldErrors] = useState<Record<string, FieldError>>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const invalidate = useInvalidate();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const built = buildParameters(inputs, values);
    setFieldErrors(built.errors);
    if (Object.keys(built.errors).length > 0) return;
    setBusy(true);
    setError('');
    try {
      const created = unwrap(
        await api.POST('/api/v1/campaigns', {
          body: { templateId, templateVersion: version, name, organization, parameters: built.parameters },
        }),
        failed,
      );
      unwrap(
        await api.POST('/api/v1/campaigns/{id}/transitions', {
          params: { path: { id: created.id } },
          body: { trigger: 'start', reason: null, targetPhase: null },
        }),
        failed,
      );
      void invalidate(staleAfterCampaignChange(created.id));
      navigate(`/campaigns/${created.id}`);
    } catch (err) {
      setError(errorMessage(err, failed));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="templates-start" aria-labelledby="templates-start-heading" onSubmit={(e) => void submit(e)}>
      <h3 id="templates-start-heading">{t('templatesStartHeading')}</h3>
      <div className="templates-row">
        <label>
          {t('templatesCampaignName')}
          <input required value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          {t('templatesOrganization')}
          <input required value={organization} onChange={(e) => setOrganization(e.target.value)} />
        </label>
      </div>
      {inputs.map((input) => {
        const label = localName(input.displayNames, language, input.displayNames?.['zh-CN'] || input.name);
        const help = helpText(language, input.descriptions, input.description);
        const control = controlOf(input.type);
        const value = values[input.name];
        const set = (v: FieldValue) => setValues({ ...values, [input.name]: v });
        const problem = fieldErrors[input.name];
        if (control === 'structured')
          return (
            <div key={input.name} className="templates-wide">
              <Suspense fallback={<p>{t('loading')}</p>}>
                <StructuredInputField
                  list={isList(input.type)}
                  title={label}
                  required={input.required === true}
                  value={value as Structured}
                  onChange={set}
                />
              </Suspense>
              {help && <small className="templates-hint">{help}</small>}
              {problem && <span className="templates-field-problem">{t(`templatesValue_${problem}`)}</span>}
            </div>
          );
        return (
          <label key={input.name} className={control === 'textarea' ? 'templates-wide' : undefined}>
            {input.required ? `${label} *` : label}
            {control === 'checkbox' ? (
              <input type="checkbox" aria-label={label} checked={value === true} onChange={(e) => set(e.target.checked)} />
            ) : control === 'textarea' ? (
              <textarea aria-label={label} rows={2} value={String(value)} onChange={(e) => set(e.target.value)} />
            ) : (
              <input
                aria-label={label}
                type={control === 'date' ? 'date' : control === 'text' ? 'text' : 'number'}
                step={control === 'integer' ? 1 : control === 'number' ? 'any' : undefined}
                value={String(value)}
                onChange={(e) => set(e.target.value)}
              />
            )}
            {help && <small className="templates-hint">{help}</small>}
            {problem && <span className="templates-field-problem">{t(`templatesValue_${problem}`)}</span>}
          </label>
        );
      })}
      <button type="submit" disabled={busy}>
        {t('templatesStartCampaign')}
      </button>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}
