import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { unwrap, type Schemas } from '../shared/api';
import type { paths } from '../shared/api/schema';
import { useApp } from '../shared/context';
import { navigate, useLocation } from '../shared/router';
import { errorMessage, queryKeys } from '../shared/queries';
import { DiffPanel } from './DiffPanel';
import { downloadLedgerCsv } from './download';
import { FilterForm } from './FilterForm';
import { LedgerTable } from './LedgerTable';
import { apiQuery, definitionsStreamId, filterFromQuery, filterToQuery, pageSizes } from './ledgerFilter';
import { VerifyPanel, type VerifyState } from './VerifyPanel';

type EntriesQuery = NonNullable<paths['/api/v1/audit/entries']['get']['parameters']['query']>;

/** The auditor's view of the ledger: filter, page, download, verify, compare definition versions. */
export function AuditPage() {
  const { api, language, t } = useApp();
  const failed = t('requestFailed');
  const { search } = useLocation();
  const { filter, cursor, limit } = filterFromQuery(search);

  const campaigns = useQuery({
    queryKey: queryKeys.campaignList({ limit: 200 }, language),
    queryFn: async () => unwrap(await api.GET('/api/v1/campaigns', { params: { query: { limit: 200 } } }), failed),
  });
  const names = new Map<string, string>((campaigns.data?.items ?? []).map((c) => [c.id, c.name]));
  names.set(definitionsStreamId, t('auditFilterDefinitionsStream'));
  const nameOf = (id: string) => names.get(id) ?? id;

  const entriesQuery = apiQuery(filter, cursor, limit) as EntriesQuery;
  const entries = useQuery({
    queryKey: queryKeys.auditEntries(entriesQuery, language),
    queryFn: async () => unwrap(await api.GET('/api/v1/audit/entries', { params: { query: entriesQuery } }), failed),
  });

  const [download, setDownload] = useState<{ busy?: boolean; file?: { name: string; entries: number }; error?: string }>({});
  const downloadCsv = async () => {
    setDownload({ busy: true });
    try {
      // Exactly the filter on screen, from its first entry: the export streams the whole range.
      setDownload({ file: await downloadLedgerCsv(filterToQuery(filter), language, failed) });
    } catch (e) {
      setDownload({ error: errorMessage(e, failed) });
    }
  };

  const [verify, setVerify] = useState<VerifyState | null>(null);
  const run = async (subject: string, request: () => Promise<Schemas['VerificationResult']>) => {
    setVerify({ subject });
    try {
      setVerify({ subject, result: await request() });
    } catch (e) {
      setVerify({ subject, error: errorMessage(e, failed) });
    }
  };
  const verifyLedger = (id: string) =>
    id === definitionsStreamId
      ? verifyDefinitions()
      : run(nameOf(id), async () => unwrap(await api.GET('/api/v1/audit/campaigns/{id}/verify', { params: { path: { id } } }), failed));
  const verifyDefinitions = () =>
    run(t('auditFilterDefinitionsStream'), async () => unwrap(await api.GET('/api/v1/audit/streams/definitions/verify'), failed));

  return (
    <>
      <section aria-labelledby="audit-heading">
        <h2 id="audit-heading">{t('auditHeading')}</h2>
        <p>{t('auditIntro')}</p>
        <FilterForm
          key={filterToQuery(filter)}
          initial={filter}
          campaigns={campaigns.data?.items ?? []}
          onApply={(f) => navigate('/audit', { search: filterToQuery(f, '', limit) })}
          onVerify={filter.campaignId ? () => void verifyLedger(filter.campaignId) : undefined}
        />
        <div className="audit-actions">
          <button type="button" onClick={() => void downloadCsv()} disabled={download.busy}>
            {download.busy ? t('auditDownloading') : t('auditDownloadCsv')}
          </button>
          {download.file && <span role="status">{t('auditDownloaded', { file: download.file.name, count: download.file.entries })}</span>}
          {download.error && (
            <span role="alert" className="error">
              {download.error}
            </span>
          )}
        </div>
        <LedgerTable query={entries} nameOf={nameOf} onVerify={(id) => void verifyLedger(id)} />
        <nav className="audit-paging" aria-label={t('auditHeading')}>
          {entries.data && <span>{t('auditPageInfo', { count: entries.data.items.length })}</span>}
          <label>
            {t('auditPageSize')}{' '}
            <select value={limit} onChange={(e) => navigate('/audit', { search: filterToQuery(filter, '', Number(e.target.value)) })}>
              {[...new Set([...pageSizes, limit])]
                .sort((a, b) => a - b)
                .map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
            </select>
          </label>
          {cursor && (
            <button type="button" onClick={() => navigate('/audit', { search: filterToQuery(filter, '', limit) })}>
              {t('auditFirstPage')}
            </button>
          )}
          {entries.data?.nextCursor && (
            <button type="button" onClick={() => navigate('/audit', { search: filterToQuery(filter, entries.data!.nextCursor!, limit) })}>
              {t('auditNextPage')}
            </button>
          )}
        </nav>
      </section>
      <VerifyPanel state={verify} onVerifyDefinitions={() => void verifyDefinitions()} />
      <DiffPanel />
    </>
  );
}
