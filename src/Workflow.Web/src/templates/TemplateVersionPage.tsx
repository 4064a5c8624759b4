import { helpText } from '../shared/localName';
import { useQuery, type QueryKey } from '@tanstack/react-query';
import { useState } from 'react';
import { useApp } from '../shared/context';
import { formatTime } from '../shared/format';
import { Link } from '../shared/Link';
import { navigate, useLocation } from '../shared/router';
import { errorMessage, queryError, queryKeys, useInvalidate } from '../shared/queries';
import { PhaseDiagram } from './PhaseDiagram';
import type { InputDeclaration } from './startForm';
import { StartCampaignForm } from './StartCampaignForm';
import { templateApi } from './templateApi';
import { formName, toForm } from './templateModel';

/** Copies a published version into a new draft (the lists of drafts are stale then) and opens it in the editor. */
export async function openAsDraft(
  api: ReturnType<typeof useApp>['api'],
  definition: unknown,
  failed: string,
  invalidate: (keys: QueryKey[]) => Promise<void>,
) {
  const draft = await templateApi.create(api, definition, failed);
  void invalidate([queryKeys.templates]);
  navigate(`/templates/drafts/${draft.id}`);
}

/** One published template version: its phases and gates, a copy into a new draft, and starting a campaign from it. */
export function TemplateVersionPage({ definitionId, version }: { definitionId: string; version: number }) {
  const { api, language, t, me } = useApp();
  const failed = t('requestFailed');
  const { search } = useLocation();
  const loaded = useQuery({
    queryKey: queryKeys.templateVersion(definitionId, version, language),
    queryFn: () => templateApi.version(api, definitionId, version, failed),
  });
  const invalidate = useInvalidate();
  const [error, setError] = useState('');
  if (loaded.error)
    return (
      <p role="alert" className="error">
        {queryError(loaded, failed)}
      </p>
    );
  if (!loaded.data) return <p>{t('loading')}</p>;
  const { definition, version: meta } = loaded.data;
  const form = toForm(definition);
  // A published template is always a JSON object (the server validated it); the schema leaves it open.
  const declared = (definition as { inputs?: unknown }).inputs;
  const inputs = (Array.isArray(declared) ? declared : []) as InputDeclaration[];
  return (
    <section aria-labelledby="templates-version-heading" className="templates-version">
      <p>
        <Link to="/templates">{t('templatesBackToList')}</Link>
      </p>
      <h2 id="templates-version-heading">
        {t('templatesVersionHeading', { name: formName(language, form.nameEn, form.nameZh, definitionId), version })}
      </h2>
      {search.get('published') === '1' && (
        <p role="status" className="templates-published">
          {t('templatesPublished', { version })}
        </p>
      )}
      <p>
        <code>{definitionId}</code> · {t('templatesPublishedBy', { who: meta.publishedBy, at: formatTime(meta.publishedAt, language) })}
        {meta.retracted && <strong className="templates-retracted"> · {t('templatesRetracted')}</strong>}
      </p>
      {helpText(language, undefined, form.description) && <p>{form.description}</p>}
      <PhaseDiagram form={form} />
      <table>
        <thead>
          <tr>
            <th scope="col">{t('templatesColPhase')}</th>
            <th scope="col">{t('templatesColWorkflow')}</th>
            <th scope="col">{t('templatesColGates')}</th>
          </tr>
        </thead>
        <tbody>
          {form.phases.map((p) => (
            <tr key={p.key}>
              <td>{formName(language, p.nameEn, p.nameZh, p.id)}</td>
              <td>{`${p.workflowId} v${p.workflowVersion ?? '?'}`}</td>
              <td>
                <ul className="templates-gate-list">
                  {p.gates.map((g) => (
                    <li key={g.key}>
                      {formName(language, g.nameEn, g.nameZh, g.id)} <code>{g.expression}</code>
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {me?.permissions.designDefinitions && (
        <button
          type="button"
          onClick={() => openAsDraft(api, definition, failed, invalidate).catch((e: unknown) => setError(errorMessage(e, failed)))}
        >
          {t('templatesOpenAsDraft')}
        </button>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {me?.permissions.startCampaigns && !meta.retracted && (
        <StartCampaignForm templateId={definitionId} version={version} inputs={inputs} />
      )}
    </section>
  );
}
