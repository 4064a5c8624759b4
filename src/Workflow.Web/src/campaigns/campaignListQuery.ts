// The campaign list's state lives in the URL query (status, phase, organization, limit, cursor),
// so a filtered page can be linked, reloaded and gone back to. Paging is by the API's keyset
// cursor: "next" passes the page's nextCursor, "first" drops it (no page numbers, no OFFSET).

import { localName } from '../shared/localName';

export const campaignStatuses = ['notStarted', 'running', 'suspended', 'completed', 'cancelled'] as const;

export const pageSizes = [10, 25, 50] as const;
export const defaultPageSize = 25;

export interface CampaignListQuery {
  status: string;
  phase: string;
  organization: string;
  limit: number;
  cursor: string;
}

export function readQuery(search: URLSearchParams): CampaignListQuery {
  const status = search.get('status') ?? '';
  const limit = Number(search.get('limit'));
  return {
    status: (campaignStatuses as readonly string[]).includes(status) ? status : '',
    phase: search.get('phase') ?? '',
    organization: search.get('organization') ?? '',
    limit: (pageSizes as readonly number[]).includes(limit) ? limit : defaultPageSize,
    cursor: search.get('cursor') ?? '',
  };
}

/** The URL query of a list state: empty filters and the default page size left out. */
export function writeQuery(query: CampaignListQuery): string {
  const search = new URLSearchParams();
  if (query.status) search.set('status', query.status);
  if (query.phase) search.set('phase', query.phase);
  if (query.organization) search.set('organization', query.organization);
  if (query.limit !== defaultPageSize) search.set('limit', String(query.limit));
  if (query.cursor) search.set('cursor', query.cursor);
  return search.toString();
}

/** A filter changed: back to the first page, since a cursor belongs to the filtered list it came from. */
export function withFilter(query: CampaignListQuery, change: Partial<Omit<CampaignListQuery, 'cursor'>>): CampaignListQuery {
  return { ...query, ...change, cursor: '' };
}

/** The query parameters of GET /api/v1/campaigns. */
export function apiQuery(query: CampaignListQuery): {
  status?: string;
  phase?: string;
  organization?: string;
  cursor?: string;
  limit: number;
} {
  return {
    status: query.status || undefined,
    phase: query.phase || undefined,
    organization: query.organization.trim() || undefined,
    cursor: query.cursor || undefined,
    limit: query.limit,
  };
}

interface TemplateDocument {
  definitionId: string;
  version: number;
  definition: { phases?: unknown };
}

/**
 * Phase names by "templateId@version" and phase id, in the page's language (Chinese falls back to
 * the phase's name, English to the Chinese), and the phase filter's choices (each phase id once).
 */
export function phaseNames(templates: readonly TemplateDocument[], language: string) {
  const byTemplate = new Map<string, Map<string, string>>();
  const options = new Map<string, string>();
  for (const template of templates) {
    const names = new Map<string, string>();
    const phases = Array.isArray(template.definition.phases) ? (template.definition.phases as Record<string, unknown>[]) : [];
    for (const phase of phases) {
      if (typeof phase?.id !== 'string') continue;
      const display = (phase.displayNames ?? {}) as Record<string, string>;
      // `name` is the bureau's own (Chinese) name: Chinese falls back to it, English to the Chinese.
      const chinese = display['zh-CN'] || (typeof phase.name === 'string' && phase.name) || phase.id;
      const name = localName({ en: display.en, 'zh-CN': chinese }, language, chinese);
      names.set(phase.id, name);
      if (!options.has(phase.id)) options.set(phase.id, name);
    }
    byTemplate.set(`${template.definitionId}@${template.version}`, names);
  }
  return { byTemplate, options: [...options.entries()].map(([id, name]) => ({ id, name })) };
}
