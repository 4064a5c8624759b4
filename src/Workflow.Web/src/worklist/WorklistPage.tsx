import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { unwrap } from '../shared/api';
import { useApp } from '../shared/context';
import { formatDue } from '../shared/format';
import { Link } from '../shared/Link';
import { navigate, useLocation } from '../shared/router';
import { queryError, queryKeys } from '../shared/queries';
import { workRows, worklistApiQuery, worklistFromQuery, worklistToQuery } from './worklist';

const pageSize = 50;

/** The signed-in principal's open tasks across campaigns, each leading to its campaign. */
export function WorklistPage() {
  const { api, language, t, me } = useApp();
  const failed = t('requestFailed');
  const { search } = useLocation();
  const { onlyOverdue, cursor } = worklistFromQuery(search);
  const principal = me?.principal ?? '';
  // The box shows the click at once; the query (and the list) follows with the navigation.
  const [overdueShown, setOverdueShown] = useState(onlyOverdue);
  useEffect(() => setOverdueShown(onlyOverdue), [onlyOverdue]);
  // Task and phase news anywhere reads the list again (useLiveInvalidation in the shell).
  const tasks = useQuery({
    queryKey: queryKeys.worklist(principal, onlyOverdue, cursor, language),
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/tasks', { params: { query: worklistApiQuery(principal, onlyOverdue, cursor, pageSize) } }), failed),
    enabled: Boolean(principal),
  });

  const rows = workRows(tasks.data?.items ?? []);
  return (
    <section aria-labelledby="worklist-heading">
      <h2 id="worklist-heading">{t('worklistHeading')}</h2>
      {principal && <p>{t('worklistIntro', { principal })}</p>}
      <label className="worklist-filter">
        <input
          type="checkbox"
          checked={overdueShown}
          onChange={(e) => {
            setOverdueShown(e.target.checked);
            navigate('/worklist', { search: worklistToQuery(e.target.checked) });
          }}
        />{' '}
        {t('worklistOnlyOverdue')}
      </label>
      {tasks.error ? (
        <p role="alert" className="error">
          {queryError(tasks, failed)}
        </p>
      ) : !tasks.data ? (
        <p>{t('loading')}</p>
      ) : rows.length === 0 ? (
        <p>{onlyOverdue ? t('worklistEmptyOverdue') : t('worklistEmpty')}</p>
      ) : (
        <table className="worklist cards-on-phone" data-testid="worklist-table">
          <thead>
            <tr>
              <th scope="col">{t('worklistColTask')}</th>
              <th scope="col">{t('worklistColCampaign')}</th>
              <th scope="col">{t('worklistColPhase')}</th>
              <th scope="col">{t('worklistColDue')}</th>
              <th scope="col">{t('worklistColState')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} data-testid="worklist-row" className={r.overdue ? 'worklist-overdue' : undefined}>
                <td>
                  <Link to={r.campaignPath} title={r.taskId}>
                    {r.taskName}
                    {r.itemLabel && <span className="worklist-item"> · {r.itemLabel}</span>}
                  </Link>
                </td>
                {/* data-label: on a phone each row is a card, and each value says what it is (styles.css). */}
                <td data-label={t('worklistColCampaign')}>{r.campaignName}</td>
                <td data-label={t('worklistColPhase')}>{r.phaseName}</td>
                <td data-label={t('worklistColDue')}>{r.dueAt ? formatDue(r.dueAt, language) : t('worklistNoDue')}</td>
                <td data-label={t('worklistColState')}>
                  {r.overdue ? <strong className="worklist-overdue-badge">{t('worklistOverdue')}</strong> : t('worklistOnTime')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav className="worklist-paging" aria-label={t('worklistHeading')}>
        {cursor && (
          <button type="button" onClick={() => navigate('/worklist', { search: worklistToQuery(onlyOverdue) })}>
            {t('worklistFirstPage')}
          </button>
        )}
        {tasks.data?.nextCursor && (
          <button type="button" onClick={() => navigate('/worklist', { search: worklistToQuery(onlyOverdue, tasks.data!.nextCursor!) })}>
            {t('worklistNextPage')}
          </button>
        )}
      </nav>
    </section>
  );
}
