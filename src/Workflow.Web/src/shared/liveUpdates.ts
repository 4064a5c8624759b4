import { useEffect, useRef } from 'react';
import type { Api, Schemas } from './api';

export type LedgerEntry = Schemas['HistoryEndpointsEntryView'];

/** How often pages ask for news: a second browser sees a change within about this long. */
export const pollInterval = 2000;

/**
 * One poll of the events feed: every entry after `after` (following pages), and the id to ask
 * after next time (the last entry's, or `after` when nothing is new).
 */
export async function readNews(api: Api, after: number, signal?: AbortSignal): Promise<{ entries: LedgerEntry[]; last: number }> {
  const entries: LedgerEntry[] = [];
  let last = after;
  for (;;) {
    const { data, response } = await api.GET('/api/v1/events', { params: { query: { after: String(last), limit: 200 } }, signal });
    if (!response.ok || !data) throw new Error(`events feed: HTTP ${response.status}`);
    entries.push(...data.items);
    if (data.items.length > 0) last = data.items[data.items.length - 1].id;
    if (!data.nextCursor) return { entries, last };
  }
}

/**
 * Calls onNews with the ledger entries written after the page opened, polling the events feed
 * (starting at its head, so the past is never walked). Failed polls are retried on the next tick.
 */
export function useLiveUpdates(api: Api, onNews: (entries: LedgerEntry[]) => void, enabled = true) {
  const callback = useRef(onNews);
  callback.current = onNews;
  useEffect(() => {
    if (!enabled) return;
    const abort = new AbortController();
    let last: number | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      try {
        if (last === null) {
          const { data } = await api.GET('/api/v1/events/head', { signal: abort.signal });
          if (data) last = data.lastId;
        } else {
          const news = await readNews(api, last, abort.signal);
          last = news.last;
          if (news.entries.length > 0) callback.current(news.entries);
        }
      } catch {
        // Offline or refused for a moment: the next tick tries again.
      }
      if (!abort.signal.aborted) timer = setTimeout(tick, pollInterval);
    };
    void tick();
    return () => {
      abort.abort();
      clearTimeout(timer);
    };
  }, [api, enabled]);
}
