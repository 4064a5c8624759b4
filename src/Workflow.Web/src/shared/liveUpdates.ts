import { useEffect, useRef } from 'react';
import type { Api, Schemas } from './api';
import { readEventStream, SseParser } from './sse';

export type LedgerEntry = Schemas['LedgerEntryView'];

/** The wait before reconnecting after the n-th failure in a row: 1 s, 2 s, 4 s… up to 30 s. */
export function backoff(failures: number): number {
  return Math.min(30_000, 1000 * 2 ** Math.min(failures, 5));
}

const wait = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });

export interface FollowOptions {
  /** How long to wait before the next attempt, after `failures` failed ones in a row (0 after a stream that was open). */
  backoff?: (failures: number) => number;
  /** Waits (a test passes one that does not). */
  delay?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/**
 * Follows the events feed as Server-Sent Events until the signal aborts: starts at the feed's head
 * (the past is never walked), hands each batch of entries to onEntries, and after a drop reconnects
 * with Last-Event-ID, the last id the stream sent, so nothing written meanwhile is missed. A cursor
 * the server no longer knows (400) starts again at the head.
 */
export async function followFeed(api: Api, onEntries: (entries: LedgerEntry[]) => void, signal: AbortSignal, options: FollowOptions = {}) {
  const pause = options.delay ?? wait;
  const delayAfter = options.backoff ?? backoff;
  let head: string | null = null;
  let lastEventId = '';
  let failures = 0;
  while (!signal.aborted) {
    try {
      if (head === null) {
        const { data, response } = await api.GET('/api/v1/events/head', { signal });
        if (!response.ok || !data) throw new Error(`events head: HTTP ${response.status}`);
        head = data.cursor;
        lastEventId = '';
      }
      const { data, response } = await api.GET('/api/v1/events/stream', {
        params: { query: { after: head } },
        headers: { Accept: 'text/event-stream', ...(lastEventId ? { 'Last-Event-ID': lastEventId } : {}) },
        parseAs: 'stream',
        signal,
      });
      if (response.status === 400) head = null;
      if (!response.ok || !data) throw new Error(`events stream: HTTP ${response.status}`);
      failures = 0;
      const parser = new SseParser();
      try {
        await readEventStream(
          data,
          parser,
          (events) => {
            const entries = events.filter((e) => e.type === 'entry').map((e) => JSON.parse(e.data) as LedgerEntry);
            if (entries.length > 0) onEntries(entries);
          },
          signal,
        );
      } finally {
        // Also the ids of blocks without an entry (the ones a filter left out) move the resume point on.
        if (parser.lastEventId) lastEventId = parser.lastEventId;
      }
    } catch {
      // Offline, refused for a moment, or the server went away: try again after the back-off.
      failures++;
    }
    if (signal.aborted) return;
    // A stream the server ended normally (a restart, a proxy's time-out) is reopened after the shortest wait.
    await pause(delayAfter(Math.max(0, failures - 1)), signal);
  }
}

type Listener = (entries: LedgerEntry[]) => void;

/** One stream per client shared by everything on screen (the page and the header's bell), open while anyone listens. */
const hubs = new WeakMap<Api, { listeners: Set<Listener>; abort: AbortController | null }>();

/** Listens to the client's live feed; returns the removal, which closes the stream after the last listener. */
export function listenToFeed(api: Api, listener: Listener): () => void {
  let hub = hubs.get(api);
  if (!hub) {
    hub = { listeners: new Set(), abort: null };
    hubs.set(api, hub);
  }
  const shared = hub;
  shared.listeners.add(listener);
  if (!shared.abort) {
    const abort = new AbortController();
    shared.abort = abort;
    const tell = (entries: LedgerEntry[]) => {
      for (const l of shared.listeners) {
        // One listener's failure neither silences the others nor breaks the stream.
        try {
          l(entries);
        } catch (error) {
          console.error(error);
        }
      }
    };
    void followFeed(api, tell, abort.signal);
  }
  return () => {
    shared.listeners.delete(listener);
    if (shared.listeners.size === 0) {
      shared.abort?.abort();
      shared.abort = null;
    }
  };
}

/**
 * Calls onNews with the ledger entries written after the page opened, from the events stream
 * (starting at its head, so the past is never walked); the stream closes when the page goes.
 */
export function useLiveUpdates(api: Api, onNews: (entries: LedgerEntry[]) => void, enabled = true) {
  const callback = useRef(onNews);
  callback.current = onNews;
  useEffect(() => {
    if (!enabled) return;
    return listenToFeed(api, (entries) => callback.current(entries));
  }, [api, enabled]);
}
