import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useApp } from '../shared/context';
import { formatTime } from '../shared/format';
import { Link } from '../shared/Link';
import { errorMessage, queryError, queryKeys } from '../shared/queries';
import { comparisonOf, type Comparison } from './comparison';
import { diff, listVersions, type DiffView } from './designerApi';

/** The published versions of the workflow: open one, or compare any two of them (the audit diff). */
export function VersionsPanel({ definitionId, shown }: { definitionId: string; shown?: number }) {
  const { api, language, t } = useApp();
  const failed = t('requestFailed');
  const versions = useQuery({ queryKey: queryKeys.publishedWorkflows(language), queryFn: () => listVersions(api, failed) });
  const [compared, setCompared] = useState<DiffView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [picked, setPicked] = useState<Partial<Comparison>>({});
  const mine = (versions.data ?? []).filter((v) => v.definitionId === definitionId).sort((a, b) => b.version - a.version);
  const pair = comparisonOf(
    mine.map((v) => v.version),
    picked,
  );
  const compare = async (from: number, to: number) => {
    try {
      setCompared(await diff(api, definitionId, from, to, failed));
      setError(null);
    } catch (e) {
      setError(errorMessage(e, failed));
    }
  };
  return (
    <section className="designer-panel designer-versions" aria-labelledby="designer-versions-heading">
      <h3 id="designer-versions-heading">{t('designerVersionsHeading')}</h3>
      {versions.error && (
        <p role="alert" className="error">
          {queryError(versions, failed)}
        </p>
      )}
      {versions.data && mine.length === 0 && <p className="designer-hint">{t('designerVersionsNone')}</p>}
      <ul>
        {mine.map((v) => (
          <li key={v.version}>
            <Link
              to={`/designer/workflows/${encodeURIComponent(definitionId)}/${v.version}`}
              aria-current={v.version === shown ? 'page' : undefined}
            >
              v{v.version}
            </Link>{' '}
            <span className="designer-hint">
              {formatTime(v.publishedAt, language)} · {v.publishedBy}
              {v.retracted ? ` · ${t('designerRetracted')}` : ''}
              {v.version === shown ? ` · ${t('designerCurrentVersion')}` : ''}
            </span>
          </li>
        ))}
      </ul>
      {pair && (
        <form
          className="designer-compare"
          onSubmit={(e) => {
            e.preventDefault();
            void compare(pair.from, pair.to);
          }}
        >
          {(['from', 'to'] as const).map((end) => (
            // The label stands beside its select, not around it, so the select's name is just the label.
            <span key={end}>
              <label htmlFor={`designer-compare-${end}`}>{t(end === 'from' ? 'designerCompareFrom' : 'designerCompareTo')}</label>{' '}
              <select
                id={`designer-compare-${end}`}
                value={pair[end]}
                onChange={(e) => setPicked({ ...pair, [end]: Number(e.target.value) })}
              >
                {mine.map((v) => (
                  <option key={v.version} value={v.version}>
                    v{v.version}
                  </option>
                ))}
              </select>
            </span>
          ))}
          <button type="submit" disabled={pair.from === pair.to}>
            {t('designerCompare')}
          </button>
        </form>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {compared && <DiffTable diff={compared} />}
    </section>
  );
}

function DiffTable({ diff }: { diff: DiffView }) {
  const { t } = useApp();
  const changeName = (c: string) =>
    c === 'added' ? t('designerChange_added') : c === 'removed' ? t('designerChange_removed') : t('designerChange_changed');
  return (
    <div className="designer-diff" data-testid="designer-diff">
      <h4>{t('designerDiffHeading', { from: diff.from, to: diff.to })}</h4>
      {diff.changes.length === 0 ? (
        <p>{t('designerDiffNone')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('designerColChange')}</th>
              <th scope="col">{t('designerColWhat')}</th>
              <th scope="col">{t('designerColBefore')}</th>
              <th scope="col">{t('designerColAfter')}</th>
            </tr>
          </thead>
          <tbody>
            {diff.changes.map((c, i) => (
              <tr key={i}>
                <td>{changeName(c.change)}</td>
                <td>
                  {c.category}
                  {c.id ? ` ${c.id}` : ''}
                  {c.field ? ` · ${c.field}` : ''}
                </td>
                <td>
                  <code>{c.before ?? ''}</code>
                </td>
                <td>
                  <code>{c.after ?? ''}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {diff.layout.length > 0 && <p className="designer-hint">{t('designerDiffLayout', { count: diff.layout.length })}</p>}
    </div>
  );
}
