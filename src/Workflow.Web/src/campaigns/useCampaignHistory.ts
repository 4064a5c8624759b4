import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Api } from '../shared/api';
import type { LedgerEntry } from '../shared/liveUpdates';
import { queryKeys } from '../shared/queries';
import { lastSequence, mergeHistory } from './campaignHistory';
import { readHistory } from './campaignPageData';

/**
 * The campaign's ledger for the progress chart, kept in the query cache: read whole the first time,
 * then (each time the campaign's queries are invalidated) extended with only the entries after the
 * last sequence held (GET …/history?after=<sequence>). The ledger is the same in every language, so
 * its key has none and a language switch reads nothing again.
 */
export function useCampaignHistory(api: Api, id: string, failed: string) {
  const client = useQueryClient();
  const queryKey = queryKeys.campaignHistory(id);
  return useQuery({
    queryKey,
    queryFn: async (): Promise<readonly LedgerEntry[]> => {
      const held = client.getQueryData<readonly LedgerEntry[]>(queryKey);
      if (!held) return mergeHistory([], await readHistory(api, id, failed));
      return mergeHistory(held, await readHistory(api, id, failed, lastSequence(held)));
    },
  });
}
