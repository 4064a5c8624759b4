import { unwrap, type Api, type Campaign } from '../shared/api';
import type { PortNamingDescriptor, WorkflowDocument } from '../shared/flowchart';
import type { Language } from '../shared/i18n';
import type { LedgerEntry } from '../shared/liveUpdates';
import type { JsonSchema } from './resultSchema';
import type { Progress } from './whyNotYet';

// What the campaign page reads: the campaign's state (reloaded on every change), its ledger (read
// once, then extended: useCampaignHistory.ts) and the definitions it was started from (read once per
// template version and phase).

export interface CampaignState {
  campaign: Campaign;
  progress: Progress;
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

/** The campaign's ledger after a sequence (all of it without one), page by page. */
export async function readHistory(api: Api, id: string, failed: string, after?: number): Promise<LedgerEntry[]> {
  const entries: LedgerEntry[] = [];
  for (;;) {
    const page = unwrap(
      await api.GET('/api/v1/campaigns/{id}/history', { params: { path: { id }, query: { after, limit: 200 } } }),
      failed,
    );
    entries.push(...page.items);
    if (!page.nextCursor) return entries;
    after = Number(page.nextCursor);
  }
}

export async function readState(api: Api, id: string, failed: string): Promise<CampaignState> {
  const [campaign, progress] = await Promise.all([
    api.GET('/api/v1/campaigns/{id}', { params: { path: { id } } }).then((r) => unwrap(r, failed)),
    api.GET('/api/v1/campaigns/{id}/progress', { params: { path: { id } } }).then((r) => unwrap(r, failed)),
  ]);
  return { campaign, progress };
}

export async function readTemplate(api: Api, definitionId: string, version: number, failed: string): Promise<TemplateDocument> {
  const data = unwrap(
    await api.GET('/api/v1/templates/{definitionId}/versions/{version}', { params: { path: { definitionId, version } } }),
    failed,
  );
  return (data as unknown as { definition: TemplateDocument }).definition;
}

export async function readWorkflow(api: Api, definitionId: string, version: number, failed: string): Promise<WorkflowDocument> {
  const data = unwrap(
    await api.GET('/api/v1/workflows/{definitionId}/versions/{version}', { params: { path: { definitionId, version } } }),
    failed,
  );
  return (data as unknown as { definition: WorkflowDocument }).definition;
}

export async function readDescriptors(api: Api, failed: string): Promise<ActivityDescriptor[]> {
  return unwrap(await api.GET('/api/v1/activity-descriptors'), failed) as unknown as ActivityDescriptor[];
}
