import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useApp } from '../shared/context';
import { formatTime } from '../shared/format';
import { Link } from '../shared/Link';
import { Listing } from '../shared/Listing';
import { navigate } from '../shared/router';
import { errorMessage, queryKeys, useInvalidate } from '../shared/queries';
import { createDraft, deleteDraft, listDrafts, listVersions, type DraftView } from './designerApi';
import { isPhaseWorkflow, newWorkflow } from './document';

/** /designer: the workflows' drafts and published versions; a new workflow; a file to import. */
export function DesignerListPage() {
  const { api, language, t } = useApp();
  const failed = t('requestFailed');
  const invalidate = useInvalidate();
  const drafts = useQuery({ queryKey: queryKeys.workflowDrafts(language), queryFn: () => listDrafts(api, failed) });
  const versions = useQuery({ queryKey: queryKeys.publishedWorkflows(language), queryFn: () => listVersions(api, failed) });
  const [error, setError] = useState<string | null>(null);

  const removal = useMutation({
    mutationFn: (draft: DraftView) => deleteDraft(api, draft.id, draft.version, failed),
    onSuccess: () => invalidate([queryKeys.workflows]),
    onError: (e) => setError(errorMessage(e, failed)),
  });

  return (
    <div className="designer-list">
      <h2>{t('designerHeading')}</h2>
      <p>{t('designerIntro')}</p>
      <div className="designer-start">
        <NewWorkflowForm onError={setError} />
        <ImportFile onError={setError} />
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <section aria-labelledby="designer-drafts-heading">
        <h3 id="designer-drafts-heading">{t('designerDraftsHeading')}</h3>
        <Listing
          query={drafts}
          empty={t('designerNoDrafts')}
          columns={[t('designerColWorkflow'), t('designerColUpdated'), t('designerColBy'), t('designerColState'), '']}
          rows={(drafts.data ?? []).map((d) => ({
            key: d.id,
            cells: [
              <Link to={`/designer/drafts/${d.id}`}>{d.definitionId || d.id}</Link>,
              formatTime(d.updatedAt, language),
              d.updatedBy,
              d.valid ? t('designerValid') : t('designerProblemCount', { count: d.errors.length }),
              <button type="button" onClick={() => removal.mutate(d)} aria-label={`${t('designerDeleteDraft')} ${d.definitionId}`}>
                {t('designerDeleteDraft')}
              </button>,
            ],
          }))}
        />
      </section>
      <section aria-labelledby="designer-published-heading">
        <h3 id="designer-published-heading">{t('designerPublishedHeading')}</h3>
        <Listing
          query={versions}
          empty={t('designerNoPublished')}
          columns={[
            t('designerColWorkflow'),
            t('designerColVersion'),
            t('designerColPublished'),
            t('designerColBy'),
            t('designerColState'),
          ]}
          rows={(versions.data ?? []).map((v) => ({
            key: `${v.definitionId}@${v.version}`,
            cells: [
              <Link to={`/designer/workflows/${encodeURIComponent(v.definitionId)}/${v.version}`}>{v.definitionId}</Link>,
              String(v.version),
              formatTime(v.publishedAt, language),
              v.publishedBy,
              v.retracted ? t('designerRetracted') : '',
            ],
          }))}
        />
      </section>
    </div>
  );
}

function NewWorkflowForm({ onError }: { onError: (message: string | null) => void }) {
  const { api, t } = useApp();
  const invalidate = useInvalidate();
  const [id, setId] = useState('');
  const [en, setEn] = useState('');
  const [zh, setZh] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const draft = await createDraft(api, newWorkflow(id.trim(), { en: en.trim(), 'zh-CN': zh.trim() }), t('requestFailed'));
      void invalidate([queryKeys.workflows]);
      navigate(`/designer/drafts/${draft.id}`);
    } catch (err) {
      onError(errorMessage(err, t('requestFailed')));
    }
  };
  return (
    <form className="designer-card" onSubmit={(e) => void submit(e)} aria-labelledby="designer-new-heading">
      <h3 id="designer-new-heading">{t('designerNew')}</h3>
      <label>
        {t('designerNewId')}
        <input value={id} onChange={(e) => setId(e.target.value)} required pattern="[A-Za-z][A-Za-z0-9_\-]*" />
      </label>
      <label>
        {t('designerNewNameEn')}
        <input value={en} onChange={(e) => setEn(e.target.value)} />
      </label>
      <label>
        {t('designerNewNameZh')}
        <input value={zh} onChange={(e) => setZh(e.target.value)} lang="zh-CN" />
      </label>
      <button type="submit">{t('designerCreate')}</button>
    </form>
  );
}

function ImportFile({ onError }: { onError: (message: string | null) => void }) {
  const { api, t } = useApp();
  const invalidate = useInvalidate();
  const read = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch (err) {
      onError(t('designerImportNotJson', { error: err instanceof Error ? err.message : String(err) }));
      return;
    }
    if (!isPhaseWorkflow(parsed)) {
      onError(t('designerImportNotWorkflow'));
      return;
    }
    try {
      // Imported as a draft: the server validates it, and publishing makes it a version of its own.
      const draft = await createDraft(api, parsed, t('requestFailed'));
      void invalidate([queryKeys.workflows]);
      navigate(`/designer/drafts/${draft.id}`);
    } catch (err) {
      onError(errorMessage(err, t('requestFailed')));
    }
  };
  return (
    <div className="designer-card">
      <h3 id="designer-import-heading">{t('designerImport')}</h3>
      <label>
        {t('designerImportChoose')}
        <input type="file" accept="application/json,.json" onChange={(e) => void read(e)} data-testid="designer-import" />
      </label>
    </div>
  );
}
