import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { unwrap, type Schemas } from '../shared/api';
import { useApp } from '../shared/context';
import { isMessageKey } from '../shared/i18n';
import { errorMessage, queryError, queryKeys } from '../shared/queries';
import { changeCounts, defaultPair, definitionChoices, diffRows } from './definitionDiff';

type Kind = 'workflow' | 'template';
type Diff = Schemas['DiffView'];

/** Compare two published versions of a definition: the server's structural changes, before → after. */
export function DiffPanel() {
  const { api, language, t } = useApp();
  const failed = t('requestFailed');
  const [kind, setKind] = useState<Kind>('workflow');
  const workflows = useQuery({
    queryKey: queryKeys.publishedWorkflows(language),
    queryFn: async () => unwrap(await api.GET('/api/v1/workflows'), failed),
  });
  const templates = useQuery({
    queryKey: queryKeys.publishedTemplates(language),
    queryFn: async () => unwrap(await api.GET('/api/v1/templates'), failed),
  });
  const lists = workflows.data && templates.data ? { workflow: workflows.data, template: templates.data } : undefined;
  const listsError = queryError(workflows, failed) ?? queryError(templates, failed);
  const choices = definitionChoices(lists?.[kind] ?? []);
  const [definitionId, setDefinitionId] = useState('');
  const [from, setFrom] = useState(0);
  const [to, setTo] = useState(0);
  const [diff, setDiff] = useState<{ data?: Diff; error?: string } | null>(null);
  const current = choices.find((c) => c.id === definitionId) ?? choices[0];

  // A new kind or definition starts from its last two versions.
  const pick = (id: string, list = choices) => {
    const choice = list.find((c) => c.id === id) ?? list[0];
    setDefinitionId(choice?.id ?? '');
    const pair = defaultPair(choice?.versions ?? []);
    setFrom(pair?.from ?? 0);
    setTo(pair?.to ?? 0);
    setDiff(null);
  };
  useEffect(() => {
    if (lists) pick('', definitionChoices(lists[kind]));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [workflows.data, templates.data, kind]);

  const compare = async () => {
    if (!current) return;
    try {
      const data = unwrap(
        await api.GET('/api/v1/audit/definitions/{kind}/{definitionId}/diff', {
          params: { path: { kind, definitionId: current.id }, query: { from, to } },
        }),
        failed,
      );
      setDiff({ data });
    } catch (e) {
      setDiff({ error: errorMessage(e, failed) });
    }
  };

  return (
    <section aria-labelledby="audit-diff-heading" className="audit-diff">
      <h3 id="audit-diff-heading">{t('auditDiffHeading')}</h3>
      {listsError && (
        <p role="alert" className="error">
          {listsError}
        </p>
      )}
      <div className="audit-form-row">
        <label>
          {t('auditDiffKind')}{' '}
          <select value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            <option value="workflow">{t('auditDiffKindWorkflow')}</option>
            <option value="template">{t('auditDiffKindTemplate')}</option>
          </select>
        </label>
        <label>
          {t('auditDiffDefinition')}{' '}
          <select value={current?.id ?? ''} onChange={(e) => pick(e.target.value)} disabled={choices.length === 0}>
            {choices.map((c) => (
              <option key={c.id} value={c.id}>
                {c.id}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('auditDiffFrom')}{' '}
          <select value={from} onChange={(e) => setFrom(Number(e.target.value))}>
            {(current?.versions ?? []).map((v) => (
              <option key={v} value={v}>{`v${v}`}</option>
            ))}
          </select>
        </label>
        <label>
          {t('auditDiffTo')}{' '}
          <select value={to} onChange={(e) => setTo(Number(e.target.value))}>
            {(current?.versions ?? []).map((v) => (
              <option key={v} value={v}>{`v${v}`}</option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => void compare()} disabled={!current}>
          {t('auditDiffCompare')}
        </button>
      </div>
      {lists && choices.length === 0 && <p>{t('auditDiffNoDefinitions')}</p>}
      {diff?.error && (
        <p role="alert" className="error">
          {diff.error}
        </p>
      )}
      {diff?.data && <DiffTable diff={diff.data} />}
    </section>
  );
}

function DiffTable({ diff }: { diff: Diff }) {
  const { t } = useApp();
  const rows = diffRows(diff.changes);
  const word = (prefix: 'auditChange_' | 'auditCategory_', value: string) => {
    // A category or change the server adds later shows as it comes, until it has words here.
    const key = `${prefix}${value}`;
    return isMessageKey(key) ? t(key) : value;
  };
  const counts = Object.entries(changeCounts(diff.changes))
    .map(([change, n]) => `${word('auditChange_', change)} ${n}`)
    .join(' · ');
  return (
    <div data-testid="diff-result">
      <p>
        {t('auditDiffSummary', { from: diff.from, to: diff.to, count: diff.changes.length })}
        {counts && ` (${counts})`}
      </p>
      {rows.length === 0 ? (
        <p>{t('auditDiffNone')}</p>
      ) : (
        <table className="audit-diff-table">
          <thead>
            <tr>
              <th scope="col">{t('auditDiffColCategory')}</th>
              <th scope="col">{t('auditDiffColChange')}</th>
              <th scope="col">{t('auditDiffColWhere')}</th>
              <th scope="col">{t('auditDiffColBefore')}</th>
              <th scope="col">{t('auditDiffColAfter')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} className={`audit-change-${r.change}`}>
                <td>{word('auditCategory_', r.category)}</td>
                <td>{word('auditChange_', r.change)}</td>
                <td>
                  <code>{r.where}</code>
                </td>
                <td className="audit-before">{r.before}</td>
                <td className="audit-after">{r.after}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {diff.layout.length > 0 && <p>{t('auditDiffLayout', { count: diff.layout.length })}</p>}
    </div>
  );
}
