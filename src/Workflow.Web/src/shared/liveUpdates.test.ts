import { expect, test, vi } from 'vitest';
import { createApi } from './api';
import { backoff, followFeed, listenToFeed, type LedgerEntry } from './liveUpdates';

const entry = (id: number) => ({
  id,
  campaignId: 'c',
  sequence: id,
  at: '2026-11-25T00:00:00Z',
  kind: 'task.completed',
  actor: 'a',
  definitionId: 'd',
  definitionVersion: 1,
  payload: {},
  previousHash: '',
  hash: '',
});
const block = (position: string, id: number) => `id: ${position}\nevent: entry\ndata: ${JSON.stringify(entry(id))}\n\n`;
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/**
 * The feed's HTTP side on real streams: the head (a new cursor each time it is read) and the event
 * stream, answered as planned (a status, or an open stream the test writes to and breaks).
 */
function feedServer() {
  const streamRequests: Request[] = [];
  const streams: ReadableStreamDefaultController<Uint8Array>[] = [];
  const plan: number[] = [];
  let headReads = 0;
  const fetchFn = (async (request: Request) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/v1/events/head') {
      headReads++;
      return json({ lastId: 5, cursor: `head-${headReads}` });
    }
    streamRequests.push(request);
    const status = plan.shift() ?? 200;
    if (status !== 200) return json({ code: 'x' }, status);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        streams.push(controller);
        // As a browser does: the abort breaks the body of the response it belongs to.
        request.signal.addEventListener('abort', () => controller.error(new DOMException('aborted', 'AbortError')));
      },
    });
    return new Response(body, { headers: { 'Content-Type': 'text/event-stream' } });
  }) as unknown as typeof fetch;
  const api = createApi(
    { credential: () => ({ kind: 'apiKey', secret: 'cwk_k' }), language: () => 'zh-CN' },
    { baseUrl: 'http://x', fetch: fetchFn },
  );
  const write = (n: number, text: string) => streams[n].enqueue(new TextEncoder().encode(text));
  return { api, plan, streamRequests, streams, write, headReads: () => headReads };
}

const asked = (r: Request) => ({
  after: new URL(r.url).searchParams.get('after'),
  lastEventId: r.headers.get('Last-Event-ID'),
});

test('starts at the head, hands over batches, and after a drop resumes with Last-Event-ID, backing off while refused', async () => {
  const server = feedServer();
  const batches: number[][] = [];
  const delays: number[] = [];
  const abort = new AbortController();
  const following = followFeed(server.api, (entries: LedgerEntry[]) => batches.push(entries.map((e) => e.id)), abort.signal, {
    delay: async (ms) => void delays.push(ms),
  });

  await vi.waitFor(() => expect(server.streams).toHaveLength(1));
  const first = server.streamRequests[0];
  expect(asked(first)).toEqual({ after: 'head-1', lastEventId: null });
  expect(first.headers.get('Accept')).toBe('text/event-stream');
  expect(first.headers.get('X-Api-Key')).toBe('cwk_k');

  // Two entries in one write are one batch; a heartbeat and an id-only block hand over nothing.
  server.write(0, block('9:6', 6) + block('9:7', 7));
  await vi.waitFor(() => expect(batches).toEqual([[6, 7]]));
  server.write(0, ': heartbeat\n\nid: 9:8\n\n');
  // The connection breaks; the server then refuses twice (restarting), then takes the stream again.
  server.plan.push(503, 503);
  server.streams[0].error(new TypeError('network error'));

  await vi.waitFor(() => expect(server.streams).toHaveLength(2));
  expect(server.streamRequests.map(asked).slice(1)).toEqual([
    { after: 'head-1', lastEventId: '9:8' },
    { after: 'head-1', lastEventId: '9:8' },
    { after: 'head-1', lastEventId: '9:8' },
  ]);
  expect(delays).toEqual([1000, 2000, 4000]);
  expect(server.headReads()).toBe(1);
  server.write(1, block('9:9', 9));
  await vi.waitFor(() => expect(batches).toEqual([[6, 7], [9]]));

  // A stream the server ends is reopened after the shortest wait, from the last id.
  server.streams[1].close();
  await vi.waitFor(() => expect(server.streams).toHaveLength(3));
  expect(asked(server.streamRequests[4])).toEqual({ after: 'head-1', lastEventId: '9:9' });
  expect(delays).toEqual([1000, 2000, 4000, 1000]);

  abort.abort();
  await following;
  expect(server.streamRequests[4].signal.aborted).toBe(true);
  expect(server.streamRequests).toHaveLength(5);
});

test('a cursor the server refuses (400) starts again at the head, not at the beginning', async () => {
  const server = feedServer();
  server.plan.push(400);
  const abort = new AbortController();
  const following = followFeed(server.api, () => undefined, abort.signal, { delay: async () => undefined });
  await vi.waitFor(() => expect(server.streams).toHaveLength(1));
  expect(server.streamRequests.map(asked)).toEqual([
    { after: 'head-1', lastEventId: null },
    { after: 'head-2', lastEventId: null },
  ]);
  abort.abort();
  await following;
});

test('the back-off doubles from one second and stops at thirty', () => {
  expect([0, 1, 2, 3, 4, 5, 6, 20].map(backoff)).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
});

test('everything on screen shares one stream, closed when the last listener goes', async () => {
  const server = feedServer();
  const page: number[] = [];
  const bell: number[] = [];
  const stopPage = listenToFeed(server.api, (entries) => page.push(...entries.map((e) => e.id)));
  const stopBell = listenToFeed(server.api, (entries) => {
    bell.push(...entries.map((e) => e.id));
    throw new Error('a listener that fails');
  });
  await vi.waitFor(() => expect(server.streams).toHaveLength(1));
  const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  server.write(0, block('3:1', 1));
  server.write(0, block('3:2', 2));
  await vi.waitFor(() => expect(page).toEqual([1, 2]));
  expect(bell).toEqual([1, 2]);
  errors.mockRestore();

  stopPage();
  expect(server.streamRequests[0].signal.aborted).toBe(false);
  stopBell();
  expect(server.streamRequests[0].signal.aborted).toBe(true);
  expect(server.streamRequests).toHaveLength(1);
});
