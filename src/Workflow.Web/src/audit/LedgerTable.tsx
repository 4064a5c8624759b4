import { Fragment, useState } from 'react';
import type { Schemas } from '../shared/api';
import { useApp } from '../shared/context';
import { formatTime } from '../shared/format';
import { queryError } from '../shared/queries';
import { kindName, stateName } from './entryWords';
import { hashExcerpt } from './verification';

type Entry = Schemas['AuditEntryView'];

/** One page of ledger entries; a row opens to its state change, payload, evidence and hashes. */
export function LedgerTable({
  query,
  nameOf,
  onVerify,
}: {
  query: { data?: Schemas['PageOfAuditEntryView']; error: unknown };
  nameOf: (campaignId: string) => string;
  onVerify: (campaignId: string) => void;
}) {
  const { t, language } = useApp();
  const [open, setOpen] = useState<Set<number>>(new Set());
  const toggle = (id: number) =>
    setOpen((s) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  if (query.error)
    return (
      <p role="alert" className="error">
        {queryError(query, t('requestFailed'))}
      </p>
    );
  if (!query.data) return <p>{t('loading')}</p>;
  if (query.data.items.length === 0) return <p>{t('auditNoEntries')}</p>;
  return (
    <table className="audit-ledger" data-testid="ledger-table">
      <thead>
        <tr>
          <th scope="col">{t('auditColTime')}</th>
          <th scope="col">{t('auditColCampaign')}</th>
          <th scope="col">{t('auditColSequence')}</th>
          <th scope="col">{t('auditColKind')}</th>
          <th scope="col">{t('auditColActor')}</th>
          <th scope="col">{t('auditColReason')}</th>
          <th scope="col">{t('auditColHash')}</th>
          <th scope="col" />
        </tr>
      </thead>
      <tbody>
        {query.data.items.map((e) => (
          <Fragment key={e.id}>
            <tr data-testid="ledger-row" data-entry-id={e.id}>
              <td>{formatTime(e.at, language)}</td>
              <td>
                {nameOf(e.campaignId)}{' '}
                <button type="button" className="link-button" onClick={() => onVerify(e.campaignId)}>
                  {t('auditVerifyButton')}
                </button>
              </td>
              <td data-testid="ledger-sequence">{e.sequence}</td>
              <td data-testid="ledger-kind" data-kind={e.kind}>
                {kindName(e.kind, language)}
              </td>
              <td>
                {e.actor}
                {e.onBehalfOf && <div className="audit-muted">{t('auditOnBehalfOf', { principal: e.onBehalfOf })}</div>}
              </td>
              <td>{e.reason}</td>
              <td>
                <code title={e.hash}>{hashExcerpt(e.hash)}</code>
              </td>
              <td>
                <button type="button" aria-expanded={open.has(e.id)} onClick={() => toggle(e.id)}>
                  {open.has(e.id) ? t('auditHideDetails') : t('auditShowDetails')}
                </button>
              </td>
            </tr>
            {open.has(e.id) && (
              <tr className="audit-detail">
                <td colSpan={8}>
                  <Details entry={e} />
                </td>
              </tr>
            )}
          </Fragment>
        ))}
      </tbody>
    </table>
  );
}

function Details({ entry }: { entry: Entry }) {
  const { t, language } = useApp();
  const json = (value: unknown) => JSON.stringify(value, null, 2);
  return (
    <dl className="audit-details">
      {(entry.beforeState || entry.afterState) && (
        <>
          <dt>{t('auditDetailState')}</dt>
          <dd>
            {entry.beforeState ? stateName(entry.beforeState, language) : '—'} →{' '}
            {entry.afterState ? stateName(entry.afterState, language) : '—'}
          </dd>
        </>
      )}
      {(entry.phaseId || entry.taskId) && (
        <>
          <dt>{t('auditDetailTask')}</dt>
          <dd>{[entry.phaseId, entry.taskId].filter(Boolean).join(' / ')}</dd>
        </>
      )}
      <dt>{t('auditDetailDefinition')}</dt>
      <dd>{`${entry.definitionId} v${entry.definitionVersion}`}</dd>
      {entry.correlationId && (
        <>
          <dt>{t('auditDetailCorrelation')}</dt>
          <dd>{entry.correlationId}</dd>
        </>
      )}
      <dt>{t('auditDetailPayload')}</dt>
      <dd>
        <pre>{json(entry.payload)}</pre>
      </dd>
      {entry.evidence !== undefined && entry.evidence !== null && (
        <>
          <dt>{t('auditDetailEvidence')}</dt>
          <dd>
            <pre>{json(entry.evidence)}</pre>
          </dd>
        </>
      )}
      <dt>{t('auditDetailPreviousHash')}</dt>
      <dd>
        <code>{entry.previousHash}</code>
      </dd>
      <dt>{t('auditDetailHash')}</dt>
      <dd>
        <code>{entry.hash}</code>
      </dd>
    </dl>
  );
}
