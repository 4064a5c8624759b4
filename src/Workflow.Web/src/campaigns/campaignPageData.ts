import { unwrap, type Api, type Campaign } from '../shared/api';
import type { PortNamingDescriptor, WorkflowDocument } from '../shared/flowchart';
import type { Language } from '../shared/i18n';
import type { LedgerEntry } from '../shared/liveUpdates';
import type { JsonSchema } from './resultForm';
import type { Progress } from './whyNotYet';

// What the campaign page reads: the campaign's state (reloaded on every change) and the
// definitions it was started from (read once per template version and phase).

export interface CampaignState {
  campaign: Campaign;
  progress: Progress;
  history: LedgerEntry[];
}

export interface ActivityDescriptor extends PortNamingDescriptor {
  typeName: string;
  kind: string;
  resultSchema: JsonSchema;
}

export interface TemplateDocument {
  inputs?: { name: string; displayNames?: Partial<Record<Language, string>> }[];
  phases: { id: string; workflow: { definitionId: string; version: number } }[];
}

/** The whole ledger of one campaign, page by page (a campaign's history is bounded: hundreds of entries). */
export async function readHistory(api: Api, id: string, failed: string): Promise<LedgerEntry[]> {
  const entries: LedgerEntry[] = [];
  let after: number | undefined;
  for (;;) {
    const page = unwrap(await api.GET('/api/v1/campaigns/{id}/history', { params: { path: { id }, query: { after, limit: 200 } } }), failed);
    entries.push(...page.items);
    if (!page.nextCursor) return entries;
    after = Number(page.nextCursor);
  }
}

export async function readState(api: Api, id: string, failed: string): Promise<CampaignState> {
  const [campaign, progress, history] = await Promise.all([
    api.GET('/api/v1/campaigns/{id}', { params: { path: { id } } }).then((r) => unwrap(r, failed)),
    api.GET('/api/v1/campaigns/{id}/progress', { params: { path: { id } } }).then((r) => unwrap(r, failed)),
    readHistory(api, id, failed),
  ]);
  return { campaign, progress, history };
}

export async function readTemplate(api: Api, definitionId: string, version: number, failed: string): Promise<TemplateDocument> {
  const data = unwrap(await api.GET('/api/v1/templates/{definitionId}/versions/{version}', { params: { path: { definitionId, version } } }), failed);
  return (data as unknown as { definition: TemplateDocument }).definition;
}

export async function readWorkflow(api: Api, definitionId: string, version: number, failed: string): Promise<WorkflowDocument> {
  const data = unwrap(await api.GET('/api/v1/workflows/{definitionId}/versions/{version}', { params: { path: { definitionId, version } } }), failed);
  return (data as unknown as { definition: WorkflowDocument }).definition;
}

export async function readDescriptors(api: Api, failed: string): Promise<ActivityDescriptor[]> {
  return unwrap(await api.GET('/api/v1/activity-descriptors'), failed) as unknown as ActivityDescriptor[];
}
