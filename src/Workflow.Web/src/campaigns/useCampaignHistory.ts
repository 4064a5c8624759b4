import { useCallback, useEffect, useRef, useState } from 'react';
import type { Api } from '../shared/api';
import type { LedgerEntry } from '../shared/liveUpdates';
import { errorMessage } from '../shared/useLoad';
import { lastSequence, mergeHistory } from './campaignHistory';
import { readHistory } from './campaignPageData';

export interface CampaignHistory {
  /** The campaign's ledger so far; null until the first read has come back. */
  entries: readonly LedgerEntry[] | null;
  error?: string;
  /** Reads the entries written since the last one held and adds them. */
  catchUp: () => void;
}

/**
 * The campaign's ledger for the progress chart: read whole once per campaign, then extended with
 * only the entries after the last sequence held (GET …/history?after=<sequence>). The ledger is
 * the same in every language, so a language switch reads nothing again.
 */
export function useCampaignHistory(api: Api, id: string, failed: string): CampaignHistory {
  const [entries, setEntries] = useState<readonly LedgerEntry[] | null>(null);
  const [error, setError] = useState<string | undefined>();
  // The entries held, read synchronously by catchUp (state would be one render late) and tagged with
  // their campaign so a read for the previous campaign cannot land in the next one's chart.
  const held = useRef<{ id: string; entries: readonly LedgerEntry[]; loaded: boolean }>({ id, entries: [], loaded: false });
  const failedRef = useRef(failed);
  failedRef.current = failed;

  const add = useCallback((forId: string, news: LedgerEntry[]) => {
    if (held.current.id !== forId) return;
    const merged = mergeHistory(held.current.entries, news);
    if (merged === held.current.entries && held.current.loaded) return;
    held.current = { id: forId, entries: merged, loaded: true };
    setEntries(merged);
    setError(undefined);
  }, []);

  useEffect(() => {
    held.current = { id, entries: [], loaded: false };
    setEntries(null);
    readHistory(api, id, failedRef.current).then(
      (all) => add(id, all),
      (e: unknown) => held.current.id === id && setError(errorMessage(e, failedRef.current)),
    );
  }, [api, id, add]);

  const catchUp = useCallback(() => {
    const after = lastSequence(held.current.entries);
    readHistory(api, id, failedRef.current, after).then(
      (news) => add(id, news),
      (e: unknown) => held.current.id === id && setError(errorMessage(e, failedRef.current)),
    );
  }, [api, id, add]);

  return { entries, error, catchUp };
}
