import { QueryClient, type QueryKey } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { invalidate, queryKeys, staleAfterCampaignChange, staleAfterNews } from './queries';

const a = '00000000-0000-0000-0000-00000000000a';
const b = '00000000-0000-0000-0000-00000000000b';

// The keys the pages read under, each holding data as after a first read.
const pages: Record<string, QueryKey> = {
  stateA: queryKeys.campaignState(a, 'en'),
  stateAZh: queryKeys.campaignState(a, 'zh-CN'),
  historyA: queryKeys.campaignHistory(a),
  stateB: queryKeys.campaignState(b, 'en'),
  list: queryKeys.campaignList({ limit: 25 }, 'en'),
  worklist: queryKeys.worklist('alice', false, '', 'en'),
  audit: queryKeys.auditEntries({ limit: 50 }, 'en'),
  dashboard: queryKeys.dashboard('en'),
  templateDocument: queryKeys.templateDocument('party-building', 1),
  drafts: queryKeys.workflowDrafts('en'),
  editing: queryKeys.editing('workflow', 'draft-1'),
};

function cache() {
  const client = new QueryClient();
  for (const key of Object.values(pages)) client.setQueryData(key, { held: true });
  return client;
}

const stale = (client: QueryClient) =>
  Object.entries(pages)
    .filter(([, key]) => client.getQueryState(key)?.isInvalidated)
    .map(([name]) => name)
    .sort();

describe('what news makes stale', () => {
  it('a task completed in campaign A: A in every language, its ledger, the lists and the open tasks', async () => {
    const client = cache();
    const news = staleAfterNews([{ kind: 'task.completed', campaignId: a }]);
    await invalidate(client, news.refetch);
    expect(stale(client)).toEqual(['historyA', 'list', 'stateA', 'stateAZh', 'worklist']);
    await invalidate(client, news.later, 'none');
    expect(stale(client)).toEqual(['audit', 'dashboard', 'historyA', 'list', 'stateA', 'stateAZh', 'worklist']);
  });

  it('news that changes no task leaves the worklist, and no news leaves everything', async () => {
    const client = cache();
    await invalidate(client, staleAfterNews([{ kind: 'campaign.renamed', campaignId: b }]).refetch);
    expect(stale(client)).toEqual(['list', 'stateB']);
    expect(staleAfterNews([])).toEqual({ refetch: [], later: [] });
  });

  it('a command on a campaign never touches published documents or what an editor opened', async () => {
    const client = cache();
    await invalidate(client, staleAfterCampaignChange(a));
    expect(stale(client)).toEqual(['audit', 'dashboard', 'historyA', 'list', 'stateA', 'stateAZh', 'worklist']);
  });

  it('saving a workflow makes its lists stale, not the document being edited', async () => {
    const client = cache();
    await invalidate(client, [queryKeys.workflows]);
    expect(stale(client)).toEqual(['drafts']);
  });
});
