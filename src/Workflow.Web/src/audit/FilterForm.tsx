import { useState, type FormEvent } from 'react';
import type { Campaign } from '../shared/api';
import { useApp } from '../shared/context';
import type { MessageKey } from '../shared/i18n';
import { zoneLabel } from '../shared/format';
import { definitionsStreamId, emptyFilter, isoFromLocalInput, ledgerKinds, localInputValue, type LedgerFilter } from './ledgerFilter';

/**
 * The ledger filter. Times are entered in local time and sent as UTC instants; the form is keyed by
 * the applied filter, so going back in history shows the filter of that page.
 */
export function FilterForm({
  initial,
  campaigns,
  onApply,
  onVerify,
}: {
  initial: LedgerFilter;
  campaigns: Campaign[];
  onApply: (filter: LedgerFilter) => void;
  onVerify?: () => void;
}) {
  const { t } = useApp();
  const [filter, setFilter] = useState(initial);
  const set = (field: keyof LedgerFilter, value: string) => setFilter((f) => ({ ...f, [field]: value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(filter);
  };
  const text = (field: 'kind' | 'actor' | 'phase' | 'task' | 'organization' | 'text', label: MessageKey, list?: string) => (
    <label>
      {t(label)} <input name={field} value={filter[field]} list={list} onChange={(e) => set(field, e.target.value)} />
    </label>
  );
  const known = campaigns.some((c) => c.id === filter.campaignId) || !filter.campaignId || filter.campaignId === definitionsStreamId;
  return (
    <form className="audit-filter" onSubmit={submit} aria-label={t('auditFilterHeading')}>
      <div className="audit-form-row">
        <label>
          {t('auditFilterCampaign')}{' '}
          <select name="campaignId" value={filter.campaignId} onChange={(e) => set('campaignId', e.target.value)}>
            <option value="">{t('auditFilterAllCampaigns')}</option>
            {campaigns.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
            <option value={definitionsStreamId}>{t('auditFilterDefinitionsStream')}</option>
            {!known && <option value={filter.campaignId}>{filter.campaignId}</option>}
          </select>
        </label>
        {onVerify && (
          <button type="button" onClick={onVerify}>
            {t('auditVerifyButton')}
          </button>
        )}
        {text('kind', 'auditFilterKind', 'audit-kinds')}
        <datalist id="audit-kinds">
          {ledgerKinds.map((k) => (
            <option key={k} value={k} />
          ))}
        </datalist>
        {text('actor', 'auditFilterActor')}
        {text('phase', 'auditFilterPhase')}
        {text('task', 'auditFilterTask')}
        {text('organization', 'auditFilterOrganization')}
      </div>
      <div className="audit-form-row">
        <label>
          {t('auditFilterFrom', { zone: zoneLabel() })}{' '}
          <input
            name="from"
            type="datetime-local"
            value={localInputValue(filter.from)}
            onChange={(e) => set('from', isoFromLocalInput(e.target.value))}
          />
        </label>
        <label>
          {t('auditFilterTo', { zone: zoneLabel() })}{' '}
          <input
            name="to"
            type="datetime-local"
            value={localInputValue(filter.to)}
            onChange={(e) => set('to', isoFromLocalInput(e.target.value))}
          />
        </label>
        {text('text', 'auditFilterText')}
        <button type="submit">{t('auditFilterApply')}</button>
        <button
          type="button"
          onClick={() => {
            setFilter(emptyFilter);
            onApply(emptyFilter);
          }}
        >
          {t('auditFilterClear')}
        </button>
      </div>
    </form>
  );
}
