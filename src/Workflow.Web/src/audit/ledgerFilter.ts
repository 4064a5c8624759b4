import dayjs from 'dayjs';
import { organizationTimeZone } from '../shared/format';
// What an auditor asks the ledger for, kept in the page's URL query so that a filtered view can be
// shared or bookmarked: the same names as the API's parameters (GET /api/v1/audit/entries).

/** The filter fields; an empty string is "no filter". Times are ISO 8601 in UTC. */
export interface LedgerFilter {
  campaignId: string;
  kind: string;
  actor: string;
  phase: string;
  /** A task instance id (studyMobilization:1). */
  task: string;
  organization: string;
  from: string;
  to: string;
  text: string;
}

export const filterFields = [
  'campaignId',
  'kind',
  'actor',
  'phase',
  'task',
  'organization',
  'from',
  'to',
  'text',
] as const satisfies readonly (keyof LedgerFilter)[];

export const emptyFilter: LedgerFilter = {
  campaignId: '',
  kind: '',
  actor: '',
  phase: '',
  task: '',
  organization: '',
  from: '',
  to: '',
  text: '',
};

/** The id of the definitions stream in the ledger (LedgerStream.Definitions on the server). */
export const definitionsStreamId = '00000000-0000-0000-0000-0000000000d1';

/** The kinds of ledger entries, offered as suggestions in the kind field (ledgerKinds.test.ts keeps them equal to the server's). */
export const ledgerKinds = [
  'campaign.created',
  'campaign.variablesSet',
  'phase.transitioned',
  'workflow.started',
  'workflow.completed',
  'workflow.cancelled',
  'task.activated',
  'task.completed',
  'task.reassigned',
  'task.cancelled',
  'activity.completed',
  'activity.faulted',
  'incident.opened',
  'incident.retried',
  'incident.retry_failed',
  'incident.resolved',
  'incident.skipped',
  'incident.withdrawn',
  'gates.evaluated',
  'variable.set',
  'finding.recorded',
  'join.arrived',
  'notification.requested',
  'task.reminded',
  'task.escalated',
  'task.timed_out',
  'delay.started',
  'delay.elapsed',
  'phase.deadline_scheduled',
  'phase.deadline_passed',
  'definition.draftCreated',
  'definition.draftUpdated',
  'definition.draftDeleted',
  'definition.published',
  'definition.retracted',
  'definition.imported',
] as const;

/** The page sizes offered; the API takes 1 to 500. */
export const pageSizes = [20, 50, 100, 200] as const;
export const defaultPageSize = 50;

/** The filter, the page's cursor and its size a URL query describes; unknown parameters are ignored. */
export function filterFromQuery(search: URLSearchParams): { filter: LedgerFilter; cursor: string; limit: number } {
  const filter = { ...emptyFilter };
  for (const field of filterFields) filter[field] = (search.get(field) ?? '').trim();
  const limit = Number.parseInt(search.get('limit') ?? '', 10);
  return {
    filter,
    cursor: (search.get('cursor') ?? '').trim(),
    limit: Number.isFinite(limit) ? Math.min(Math.max(limit, 1), 500) : defaultPageSize,
  };
}

/**
 * The URL query of a filter (with the cursor and a page size other than the default): only the
 * fields that filter, in a fixed order, encoded by URLSearchParams (so "+" in a time offset or "&"
 * in a text survive the round trip).
 */
export function filterToQuery(filter: LedgerFilter, cursor = '', limit = defaultPageSize): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(apiQuery(filter, cursor, limit === defaultPageSize ? undefined : limit)))
    query.set(name, String(value));
  return query.toString();
}

/** The API's query parameters for a filter, page size and cursor: blank fields left out. */
export function apiQuery(filter: LedgerFilter, cursor = '', limit?: number): Record<string, string | number> {
  const query: Record<string, string | number> = {};
  for (const field of filterFields) {
    const value = filter[field].trim();
    if (value) query[field] = value;
  }
  if (cursor) query.cursor = cursor;
  if (limit !== undefined) query.limit = limit;
  return query;
}

/**
 * The value of a datetime-local input (minutes) for an ISO time, in the organization's time zone
 * (the one every time on the page is shown in); '' for none or nonsense.
 */
export function localInputValue(iso: string, zone: string = organizationTimeZone): string {
  if (!iso) return '';
  const instant = dayjs(iso);
  if (!instant.isValid() || Number.isNaN(new Date(iso).getTime())) return '';
  return instant.tz(zone).format('YYYY-MM-DDTHH:mm');
}

/** The ISO time in UTC of a datetime-local input's value, read in the organization's time zone; '' for none or nonsense. */
export function isoFromLocalInput(value: string, zone: string = organizationTimeZone): string {
  if (!value || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return '';
  const instant = dayjs.tz(value, zone);
  return instant.isValid() ? instant.toISOString() : '';
}
