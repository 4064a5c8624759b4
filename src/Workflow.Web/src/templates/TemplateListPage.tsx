import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useApp } from '../shared/context';
import { formatTime } from '../shared/format';
import { Link } from '../shared/Link';
import { Listing } from '../shared/Listing';
import { errorMessage, queryKeys, useInvalidate } from '../shared/queries';
import { templateApi } from './templateApi';
import { openAsDraft } from './TemplateVersionPage';

const versionPath = (definitionId: string, version: number) => `/templates/${encodeURIComponent(definitionId)}/versions/${version}`;

/** The campaign templates: every published version and every draft. */
export function TemplateListPage() {
  const { api, language, t, me } = useApp();
  const failed = t('requestFailed');
  const canEdit = me?.permissions.designDefinitions === true;
  const published = useQuery({ queryKey: queryKeys.publishedTemplates(language), queryFn: () => templateApi.published(api, failed) });
  const drafts = useQuery({ queryKey: queryKeys.templateDrafts(language), queryFn: () => templateApi.drafts(api, failed) });
  const invalidate = useInvalidate();
  const [error, setError] = useState('');
  const copy = async (definitionId: string, version: number) => {
    try {
      const loaded = await templateApi.version(api, definitionId, version, failed);
      await openAsDraft(api, loaded.definition, failed, invalidate);
    } catch (e) {
      setError(errorMessage(e, failed));
    }
  };
  return (
    <>
      <section aria-labelledby="templates-published-heading">
        <h2 id="templates-published-heading">{t('templatesPublishedHeading')}</h2>
        {canEdit && (
          <p>
            <Link to="/templates/new" className="button-link">
              {t('templatesNewTemplate')}
            </Link>
          </p>
        )}
        <Listing
          query={published}
          empty={t('templatesNoPublished')}
          columns={[t('templatesColTemplate'), t('templatesColVersion'), t('templatesColPublished'), t('templatesColState'), '']}
          rows={(published.data ?? []).map((v) => ({
            key: `${v.definitionId}@${v.version}`,
            cells: [
              <Link to={versionPath(v.definitionId, v.version)}>{v.definitionId}</Link>,
              String(v.version),
              `${formatTime(v.publishedAt, language)} · ${v.publishedBy}`,
              v.retracted ? t('templatesRetracted') : t('templatesInUse'),
              canEdit ? (
                <button type="button" onClick={() => void copy(v.definitionId, v.version)}>
                  {t('templatesOpenAsDraft')}
                </button>
              ) : null,
            ],
          }))}
        />
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
      </section>
      <section aria-labelledby="templates-drafts-heading">
        <h2 id="templates-drafts-heading">{t('templatesDraftsHeading')}</h2>
        <Listing
          query={drafts}
          empty={t('templatesNoDrafts')}
          columns={[t('templatesColTemplate'), t('templatesColUpdated'), t('templatesColValid')]}
          rows={(drafts.data ?? []).map((d) => ({
            key: d.id,
            cells: [
              <Link to={`/templates/drafts/${d.id}`}>{d.definitionId || t('templatesUnnamed')}</Link>,
              `${formatTime(d.updatedAt, language)} · ${d.updatedBy}`,
              d.valid ? t('templatesDraftValid') : t('templatesInvalid', { count: d.errors.length }),
            ],
          }))}
        />
      </section>
    </>
  );
}
