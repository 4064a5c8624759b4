import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { unwrap, type Schemas } from '../shared/api';
import { useApp } from '../shared/context';
import { formatTime } from '../shared/format';
import { Link } from '../shared/Link';
import { Listing } from '../shared/Listing';
import { navigate, useLocation } from '../shared/router';
import { queryKeys } from '../shared/queries';
import { campaignStatusName } from './campaignStatus';
import {
  apiQuery,
  campaignStatuses,
  pageSizes,
  phaseNames,
  readQuery,
  withFilter,
  writeQuery,
  type CampaignListQuery,
} from './campaignListQuery';

type Item = Schemas['CampaignListItem'];

/** The campaigns: filtered by status, phase and organization (kept in the URL), keyset-paged, refreshed live. */
export function CampaignListPage() {
  const { api, language, t } = useApp();
  const failed = t('requestFailed');
  const { search } = useLocation();
  const query = readQuery(search);
  // Any ledger news reads the page again (useLiveInvalidation in the shell).
  const params = apiQuery(query);
  const page = useQuery({
    queryKey: queryKeys.campaignList(params, language),
    queryFn: async () => unwrap(await api.GET('/api/v1/campaigns', { params: { query: params } }), failed),
  });
  // Phase names come from the templates; there are few of them, so all published versions are read
  // once. Only the naming depends on the language: a switch renames them without reading again.
  const templates = useQuery({
    queryKey: queryKeys.templateDocuments,
    queryFn: async () => {
      const versions = unwrap(await api.GET('/api/v1/templates'), failed);
      const documents = await Promise.all(
        versions.map(async (v) => {
          const r = await api.GET('/api/v1/templates/{definitionId}/versions/{version}', {
            params: { path: { definitionId: v.definitionId, version: v.version } },
          });
          const body = r.data as unknown as { definition?: { phases?: unknown } } | undefined;
          return { definitionId: v.definitionId, version: v.version, definition: body?.definition ?? {} };
        }),
      );
      return documents;
    },
  });
  const phases = useMemo(() => (templates.data ? phaseNames(templates.data, language) : undefined), [templates.data, language]);
  const go = (next: CampaignListQuery) => navigate('/campaigns', { search: writeQuery(next), replace: true });
  const [organization, setOrganization] = useState(query.organization);
  // Back and forward change the URL: the text box follows it.
  useEffect(() => setOrganization(query.organization), [query.organization]);
  const filterOrganization = (e: FormEvent) => {
    e.preventDefault();
    go(withFilter(query, { organization: organization.trim() }));
  };
  const phaseName = (c: Item) =>
    c.state.startsWith('$') ? '—' : (phases?.byTemplate.get(`${c.templateId}@${c.templateVersion}`)?.get(c.state) ?? c.state);
  const statusName = (status: string) => campaignStatusName(status, t);

  return (
    <section aria-labelledby="campaign-list-heading" className="campaign-list">
      <h2 id="campaign-list-heading">{t('campaignListHeading')}</h2>
      <form className="campaign-list-filters" role="search" aria-label={t('campaignListFilters')} onSubmit={filterOrganization}>
        <label>
          {t('campaignListStatus')}
          <select value={query.status} onChange={(e) => go(withFilter(query, { status: e.target.value }))}>
            <option value="">{t('campaignListAny')}</option>
            {campaignStatuses.map((s) => (
              <option key={s} value={s}>
                {statusName(s)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('campaignListPhase')}
          <select value={query.phase} onChange={(e) => go(withFilter(query, { phase: e.target.value }))}>
            <option value="">{t('campaignListAny')}</option>
            {(phases?.options ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
            {query.phase && !phases?.options.some((p) => p.id === query.phase) && <option value={query.phase}>{query.phase}</option>}
          </select>
        </label>
        <label>
          {t('campaignListOrganization')}
          <input value={organization} onChange={(e) => setOrganization(e.target.value)} />
        </label>
        <button type="submit">{t('campaignListApply')}</button>
        <label>
          {t('campaignListPageSize')}
          <select value={query.limit} onChange={(e) => go(withFilter(query, { limit: Number(e.target.value) }))}>
            {pageSizes.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
      </form>
      <Listing
        query={page}
        empty={t('campaignListEmpty')}
        columns={[
          t('campaignListColName'),
          t('campaignListColOrganization'),
          t('campaignListColTemplate'),
          t('campaignListColPhase'),
          t('campaignListColStatus'),
          t('campaignListColProgress'),
          t('campaignListColOverdue'),
          t('campaignListColUpdated'),
        ]}
        rows={(page.data?.items ?? []).map((c) => ({
          key: c.id,
          cells: [
            <Link to={`/campaigns/${c.id}`}>{c.name}</Link>,
            c.organization,
            `${c.templateId} v${c.templateVersion}`,
            phaseName(c),
            statusName(c.status),
            <Progress item={c} />,
            c.overdueTasks > 0 ? (
              <strong className="campaign-list-overdue" title={t('campaignListOverdueCount', { count: c.overdueTasks })}>
                {c.overdueTasks}
              </strong>
            ) : (
              '0'
            ),
            formatTime(c.updatedAt, language),
          ],
        }))}
      />
      <nav className="campaign-list-paging" aria-label={t('campaignListPaging')}>
        <button type="button" disabled={!query.cursor} onClick={() => go({ ...query, cursor: '' })}>
          {t('campaignListFirstPage')}
        </button>
        <button
          type="button"
          disabled={!page.data?.nextCursor}
          onClick={() => page.data?.nextCursor && go({ ...query, cursor: page.data.nextCursor })}
        >
          {t('campaignListNextPage')}
        </button>
      </nav>
    </section>
  );
}

function Progress({ item }: { item: Item }) {
  const { t } = useApp();
  const { completedTasks, totalTasks, percent } = item.progress;
  const text = t('campaignListProgressText', { completed: completedTasks, total: totalTasks });
  return (
    <div className="campaign-list-progress">
      <div
        className="campaign-list-bar"
        role="progressbar"
        aria-label={t('campaignListProgressOf', { name: item.name })}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent}% · ${text}`}
      >
        <div className="campaign-list-bar-fill" style={{ width: `${percent}%` }} />
      </div>
      <span className="campaign-list-progress-text">{`${percent}% · ${text}`}</span>
    </div>
  );
}
