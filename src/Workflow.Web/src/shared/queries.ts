import { useQueryClient, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { useCallback } from 'react';
import { affectsWorklist } from '../worklist/worklist';
import { ApiError, type Api } from './api';
import type { Language } from './i18n';
import { useLiveUpdates, type LedgerEntry } from './liveUpdates';

/**
 * Whether a failed query is tried again: a refusal (4xx: the key, the input, a missing object) is
 * final, a server or network failure is tried up to twice more (TanStack Query backs off between tries).
 */
export function retryPolicy(failures: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failures < 2;
}

/** The message to show for a failure: the server's (already in the page's language) or the fallback. */
export function errorMessage(error: unknown, fallback: string): string {
  return error instanceof ApiError ? error.message : `${fallback}: ${String(error)}`;
}

/** A query's failure as the message to show, or undefined while it has none. */
export function queryError(query: { error: unknown }, fallback: string): string | undefined {
  return query.error ? errorMessage(query.error, fallback) : undefined;
}

/**
 * The cache's keys, the domain first so a change can drop a whole domain (a prefix). The language
 * ends the keys of reads whose texts or problem messages the server words in the page's language;
 * a switch then reads again, and switching back finds the cache.
 */
export const queryKeys = {
  campaigns: ['campaigns'] as const,
  /** A page of campaigns, by the API query that reads it. */
  campaignList: (query: object, language: Language) => ['campaigns', 'list', query, language] as const,
  /** Everything read about one campaign: its state, progress and ledger. */
  campaign: (id: string) => ['campaigns', 'one', id] as const,
  campaignState: (id: string, language: Language) => ['campaigns', 'one', id, 'state', language] as const,
  /** The ledger is the same in every language. */
  campaignHistory: (id: string) => ['campaigns', 'one', id, 'history'] as const,
  worklist: (principal: string, onlyOverdue: boolean, cursor: string, language: Language) =>
    ['tasks', principal, onlyOverdue, cursor, language] as const,
  dashboard: (language: Language) => ['dashboard', language] as const,
  /** The service accounts' keys (admins). */
  keys: ['keys'] as const,
  audit: ['audit'] as const,
  auditEntries: (query: object, language: Language) => ['audit', 'entries', query, language] as const,
  templates: ['templates'] as const,
  publishedTemplates: (language: Language) => ['templates', 'published', language] as const,
  templateDrafts: (language: Language) => ['templates', 'drafts', language] as const,
  templateVersion: (definitionId: string, version: number, language: Language) =>
    ['templates', 'version', definitionId, version, language] as const,
  /** A published version's document, the same in every language and never changed. */
  templateDocument: (definitionId: string, version: number) => ['templates', 'document', definitionId, version] as const,
  workflowDocument: (definitionId: string, version: number) => ['workflows', 'document', definitionId, version] as const,
  /** Every published template's document (the campaign list names phases with them). */
  templateDocuments: ['templates', 'documents'] as const,
  workflows: ['workflows'] as const,
  publishedWorkflows: (language: Language) => ['workflows', 'published', language] as const,
  workflowDrafts: (language: Language) => ['workflows', 'drafts', language] as const,
  descriptors: (language: Language) => ['descriptors', language] as const,
  /** What an editor opened (see readOnce): outside the domains, so saving and publishing never read it again. */
  editing: (kind: 'workflow' | 'template', key: string) => ['editing', kind, key] as const,
};

/**
 * For what an editor edits (a draft, a version opened in the designer): read once per mount, never
 * again behind the editor's back (a refetch would replace unsaved edits), and not kept after.
 */
export const readOnce = { staleTime: Infinity, gcTime: 0, refetchOnWindowFocus: false, refetchOnReconnect: false } as const;

export interface Staleness {
  /** Read again now where on screen. */
  refetch: QueryKey[];
  /** Read again when next shown: a page that holds still while read (an audit page, the leaders' figures). */
  later: QueryKey[];
}

/**
 * What ledger news makes stale: the campaigns it names (state, progress, ledger), the lists of
 * campaigns, and the open tasks when a task or phase changed; the ledger's pages and the dashboard
 * are read again only when next opened, so a row does not move under the auditor's pointer.
 */
export function staleAfterNews(entries: readonly Pick<LedgerEntry, 'kind' | 'campaignId'>[]): Staleness {
  if (entries.length === 0) return { refetch: [], later: [] };
  const ids = [...new Set(entries.map((e) => e.campaignId).filter((id): id is string => Boolean(id)))];
  return {
    refetch: [...ids.map((id) => queryKeys.campaign(id)), ['campaigns', 'list'], ...(affectsWorklist(entries) ? [['tasks']] : [])],
    later: [queryKeys.audit, ['dashboard']],
  };
}

/** What a command on one campaign (start, complete, reassign, transition) makes stale. */
export function staleAfterCampaignChange(id: string): QueryKey[] {
  return [queryKeys.campaign(id), ['campaigns', 'list'], queryKeys.audit, ['dashboard'], ['tasks']];
}

export function invalidate(client: QueryClient, keys: readonly QueryKey[], refetchType: 'active' | 'none' = 'active'): Promise<void> {
  return Promise.all(keys.map((queryKey) => client.invalidateQueries({ queryKey, refetchType }))).then(() => undefined);
}

/** Marks stale what the given keys name (prefixes); the queries on screen read again. */
export function useInvalidate(): (keys: readonly QueryKey[]) => Promise<void> {
  const client = useQueryClient();
  return useCallback((keys) => invalidate(client, keys), [client]);
}

/** Keeps the cache in step with the live feed, whoever wrote the news (this page, another browser, an integrator). */
export function useLiveInvalidation(api: Api) {
  const client = useQueryClient();
  useLiveUpdates(api, (entries) => {
    const stale = staleAfterNews(entries);
    void invalidate(client, stale.refetch);
    void invalidate(client, stale.later, 'none');
  });
}
