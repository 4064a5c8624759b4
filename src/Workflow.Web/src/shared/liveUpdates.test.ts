import { expect, test } from 'vitest';
import { createApi } from './api';
import { readNews } from './liveUpdates';

const entry = (id: number) => ({ id, campaignId: 'c', sequence: id, at: '2026-11-25T00:00:00Z', kind: 'task.completed', actor: 'a', definitionId: 'd', definitionVersion: 1, payload: {}, previousHash: '', hash: '' });

test('reads every page after the last id seen, and moves the cursor to the last entry', async () => {
  const asked: string[] = [];
  const pages: Record<string, unknown> = {
    '5': { items: [entry(6), entry(7)], nextCursor: '7' },
    '7': { items: [entry(9)], nextCursor: null },
  };
  const fetchFn = (async (input: Request) => {
    const after = new URL(input.url).searchParams.get('after')!;
    asked.push(after);
    return new Response(JSON.stringify(pages[after]), { headers: { 'Content-Type': 'application/json' } });
  }) as unknown as typeof fetch;
  const api = createApi({ apiKey: () => 'k', language: () => 'en' }, { baseUrl: 'http://x', fetch: fetchFn });

  const news = await readNews(api, 5);
  expect(news.entries.map((e) => e.id)).toEqual([6, 7, 9]);
  expect(news.last).toBe(9);
  expect(asked).toEqual(['5', '7']);
});

test('nothing new keeps the cursor; a refusal is an error, not an empty page', async () => {
  let status = 200;
  const fetchFn = (async () =>
    new Response(JSON.stringify(status === 200 ? { items: [], nextCursor: null } : { detail: 'no' }), {
      status,
      headers: { 'Content-Type': 'application/json' },
    })) as unknown as typeof fetch;
  const api = createApi({ apiKey: () => 'k', language: () => 'en' }, { baseUrl: 'http://x', fetch: fetchFn });
  expect(await readNews(api, 12)).toEqual({ entries: [], last: 12 });
  status = 401;
  await expect(readNews(api, 12)).rejects.toThrow('HTTP 401');
});
