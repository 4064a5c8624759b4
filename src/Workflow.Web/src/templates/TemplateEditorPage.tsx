import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useApp } from '../shared/context';
import { Link } from '../shared/Link';
import { problemTitle } from '../shared/problemTitles';
import { navigate, useNavigationGuard } from '../shared/router';
import { errorMessage, queryError, queryKeys, readOnce, useInvalidate } from '../shared/queries';
import { FieldProblems } from '../shared/FieldProblems';
import { InputFields } from './InputFields';
import { PhaseDiagram } from './PhaseDiagram';
import { PhaseFields } from './PhaseFields';
import { TemplateApiError, templateApi } from './templateApi';
import { emptyPhase, emptyTemplate, move, toDocument, toForm, type TemplateForm } from './templateModel';
import { problemsByField, type Problem } from './templateProblems';

/**
 * The template editor: a new template (no draftId) or a stored draft. Saving keeps the draft (it
 * may be invalid); the server's validation places each problem next to its field; publishing
 * saves first, then turns the draft into the next version of its definitionId.
 */
export function TemplateEditorPage({ draftId }: { draftId?: string }) {
  const { api, language, t, me } = useApp();
  const failed = t('requestFailed');
  const canEdit = me?.permissions.designDefinitions === true;
  const [form, setForm] = useState<TemplateForm | null>(draftId ? null : emptyTemplate());
  // The form as last loaded or saved: any other form is an unsaved edit.
  const [savedForm, setSavedForm] = useState(form);
  const [draftVersion, setDraftVersion] = useState<number | null>(null);
  const [problems, setProblems] = useState<Problem[] | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const workflows = useQuery({ queryKey: queryKeys.publishedWorkflows(language), queryFn: () => templateApi.workflows(api, failed) });
  const invalidate = useInvalidate();
  // The lists of templates and drafts show what this page saves, publishes and discards.
  const changed = () => void invalidate([queryKeys.templates]);
  const byField = useMemo(() => problemsByField(problems ?? []), [problems]);

  // The draft is read once per draft (not per language: a switch must not throw away edits).
  const stored = useQuery({
    queryKey: queryKeys.editing('template', draftId ?? ''),
    queryFn: () => templateApi.draft(api, draftId!, failed),
    enabled: Boolean(draftId),
    ...readOnce,
  });
  useEffect(() => {
    if (!stored.data) return;
    const loaded = toForm(stored.data.definition);
    setForm(loaded);
    setSavedForm(loaded);
    setDraftVersion(stored.data.version);
    setProblems(stored.data.errors);
  }, [stored.data]);
  const loadError = queryError(stored, failed);

  useNavigationGuard(canEdit && form !== savedForm, t('templatesLeaveUnsaved'));

  if (!form)
    return loadError ? (
      <p role="alert" className="error">
        {loadError}
      </p>
    ) : (
      <p>{t('loading')}</p>
    );

  // Moving, adding or removing shifts the indexes the problems point at: they are stale until the next check.
  const change = (next: TemplateForm, structural = false) => {
    setForm(next);
    if (structural) setProblems(null);
  };

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError('');
    setStatus('');
    try {
      await action();
    } catch (e) {
      if (e instanceof TemplateApiError && e.problems.length > 0) setProblems(e.problems);
      setError(errorMessage(e, failed));
    } finally {
      setBusy(false);
    }
  };

  /** Stores the form as the draft (a new draft the first time); returns its id and version. */
  const save = async (): Promise<{ id: string; version: number }> => {
    const document = toDocument(form);
    const saved =
      draftId && draftVersion !== null
        ? await templateApi.save(api, draftId, draftVersion, document, failed)
        : await templateApi.create(api, document, failed);
    setDraftVersion(saved.version);
    setProblems(saved.errors);
    setSavedForm(form);
    changed();
    // The page's own moves after saving skip the guard: the state saying "saved" is not rendered yet.
    if (saved.id !== draftId) navigate(`/templates/drafts/${saved.id}`, { replace: true, force: true });
    return saved;
  };

  const validate = async () => {
    const result = await templateApi.validate(api, toDocument(form), failed);
    setProblems(result.errors);
    setStatus(result.valid ? t('templatesValid') : t('templatesInvalid', { count: result.errors.length }));
  };

  // Leaving a condition asks the server quietly: no busy state, so a click that caused the blur still lands.
  const checkQuietly = () => {
    templateApi.validate(api, toDocument(form), failed).then(
      (result) => setProblems(result.errors),
      () => undefined,
    );
  };

  const publish = async () => {
    const saved = await save();
    const published = await templateApi.publish(api, saved.id, saved.version, failed);
    changed();
    navigate(`/templates/${encodeURIComponent(published.version.definitionId)}/versions/${published.version.version}`, {
      search: 'published=1',
      force: true,
    });
  };

  const discard = async () => {
    if (draftId && draftVersion !== null) await templateApi.remove(api, draftId, draftVersion, failed);
    changed();
    navigate('/templates', { force: true }); // the draft was deleted on purpose
  };

  const setPhases = (phases: TemplateForm['phases'], structural = false) => change({ ...form, phases }, structural);
  return (
    <section aria-labelledby="templates-editor-heading" className="templates-editor">
      <p>
        <Link to="/templates">{t('templatesBackToList')}</Link>
      </p>
      <h2 id="templates-editor-heading">{draftId ? t('templatesEditDraft') : t('templatesNewTemplate')}</h2>
      {!canEdit && <p className="templates-hint">{t('templatesReadOnly')}</p>}
      {problems && problems.length > 0 && (
        <div className="templates-summary" role="region" aria-label={t('templatesProblems')}>
          <strong>{t('templatesInvalid', { count: problems.length })}</strong>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>
                <strong>{problemTitle(t, p)}</strong> <code>{p.jsonPointer || '/'}</code> {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <fieldset className="templates-head" disabled={!canEdit} aria-label={t('templatesTemplateGroup')}>
        <div className="templates-row">
          <label>
            {t('templatesDefinitionId')}
            <input value={form.definitionId} onChange={(e) => change({ ...form, definitionId: e.target.value })} />
            <FieldProblems className="templates-field-problems" problems={byField.get('definitionId')} />
          </label>
          <label>
            {t('templatesNameEn')}
            <input value={form.nameEn} onChange={(e) => change({ ...form, nameEn: e.target.value })} />
          </label>
          <label>
            {t('templatesNameZh')}
            <input lang="zh-CN" value={form.nameZh} onChange={(e) => change({ ...form, nameZh: e.target.value })} />
            <FieldProblems className="templates-field-problems" problems={byField.get('name')} />
          </label>
        </div>
        <label className="templates-wide">
          {t('templatesDescription')}
          <textarea rows={2} value={form.description} onChange={(e) => change({ ...form, description: e.target.value })} />
        </label>
        <FieldProblems className="templates-field-problems" problems={byField.get('template')} />
      </fieldset>
      <h3>{t('templatesDiagram')}</h3>
      <PhaseDiagram form={form} />
      <h3>{t('templatesPhases')}</h3>
      <FieldProblems className="templates-field-problems" problems={byField.get('phases')} />
      {form.phases.map((phase, i) => (
        <PhaseFields
          key={phase.key}
          phase={phase}
          index={i}
          count={form.phases.length}
          workflows={workflows.data ?? []}
          problems={byField}
          readOnly={!canEdit}
          onChange={(p, structural) =>
            setPhases(
              form.phases.map((x, j) => (j === i ? p : x)),
              structural,
            )
          }
          onMove={(delta) => setPhases(move(form.phases, i, delta), true)}
          onRemove={() =>
            setPhases(
              form.phases.filter((_, j) => j !== i),
              true,
            )
          }
          onExpressionDone={() => canEdit && checkQuietly()}
        />
      ))}
      {canEdit && (
        <button type="button" onClick={() => setPhases([...form.phases, emptyPhase()], true)}>
          {t('templatesAddPhase')}
        </button>
      )}
      <fieldset disabled={!canEdit} className="templates-plain">
        <InputFields inputs={form.inputs} problems={byField} onChange={(inputs, structural) => change({ ...form, inputs }, structural)} />
      </fieldset>
      {workflows.error && (
        <p role="alert" className="error">
          {queryError(workflows, failed)}
        </p>
      )}
      {canEdit && (
        <div className="templates-actions templates-toolbar">
          <button type="button" disabled={busy} onClick={() => void run(async () => (await save(), setStatus(t('templatesSaved'))))}>
            {t('templatesSaveDraft')}
          </button>
          <button type="button" disabled={busy} onClick={() => void run(validate)}>
            {t('templatesValidate')}
          </button>
          <button type="button" disabled={busy} onClick={() => void run(publish)}>
            {t('templatesPublish')}
          </button>
          <button type="button" disabled={busy} onClick={() => void run(discard)}>
            {draftId ? t('templatesDeleteDraft') : t('templatesCancel')}
          </button>
        </div>
      )}
      <p role="status" className="templates-status">
        {status}
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  );
}
