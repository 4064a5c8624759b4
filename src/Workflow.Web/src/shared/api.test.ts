import { describe, expect, test } from 'vitest';
import { ApiError, createApi, problemMessage, requestHeaders, unwrap } from './api';
import type { Language } from './i18n';

describe('request headers', () => {
  test('the key and the language', () => {
    expect(requestHeaders({ kind: 'apiKey', secret: 'cwk_x' }, 'zh-CN')).toEqual({
      'X-Api-Key': 'cwk_x',
      'Accept-Language': 'zh-CN',
      Accept: 'application/json',
    });
  });

  test("a person's session or provider token as a bearer token, never as a key", () => {
    for (const kind of ['local', 'oidc'] as const) {
      const headers = requestHeaders({ kind, secret: 'tok' }, 'en');
      expect(headers.Authorization).toBe('Bearer tok');
      expect(headers).not.toHaveProperty('X-Api-Key');
    }
  });

  test('no credential before sign-in', () => {
    expect(requestHeaders(null, 'en')).not.toHaveProperty('X-Api-Key');
    expect(requestHeaders(null, 'en')).not.toHaveProperty('Authorization');
  });
});

/** A fetch that records each request and answers with the given response. */
function recordingFetch(answer: () => Response) {
  const requests: Request[] = [];
  const fetchFn = async (input: RequestInfo | URL, init?: RequestInit) => {
    requests.push(input instanceof Request ? input : new Request(input, init));
    return answer();
  };
  return { requests, fetch: fetchFn as typeof fetch };
}

const json = (body: unknown, status = 200, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });

describe('the client', () => {
  test('every request sends the current key and language, read at request time', async () => {
    let key: string | null = 'cwk_first';
    let language: Language = 'en';
    const recorder = recordingFetch(() => json([]));
    const api = createApi(
      { credential: () => (key ? { kind: 'apiKey', secret: key } : null), language: () => language },
      { baseUrl: 'http://localhost', fetch: recorder.fetch },
    );

    await api.GET('/api/v1/templates');
    key = 'cwk_second';
    language = 'zh-CN';
    await api.GET('/api/v1/campaigns');

    expect(recorder.requests.map((r) => [new URL(r.url).pathname, r.headers.get('X-Api-Key'), r.headers.get('Accept-Language')])).toEqual([
      ['/api/v1/templates', 'cwk_first', 'en'],
      ['/api/v1/campaigns', 'cwk_second', 'zh-CN'],
    ]);
  });

  test('a refusal becomes an ApiError with the problem detail the server localized', async () => {
    const problem = {
      status: 401,
      title: 'Authentication required',
      detail: '需要 API 密钥：请在 X-Api-Key 请求头中发送。',
      code: 'auth.required',
    };
    const recorder = recordingFetch(() => json(problem, 401, 'application/problem+json'));
    const api = createApi(
      { credential: () => ({ kind: 'apiKey', secret: 'cwk_bad' }), language: () => 'zh-CN' },
      { baseUrl: 'http://localhost', fetch: recorder.fetch },
    );

    const result = await api.GET('/api/v1/templates');
    let error: unknown;
    try {
      unwrap(result, 'failed');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toBe(problem.detail);
    expect((error as ApiError).status).toBe(401);
    expect((error as ApiError).code).toBe('auth.required');
  });

  test('data passes through', async () => {
    const recorder = recordingFetch(() => json({ items: [], nextCursor: null }));
    const api = createApi(
      { credential: () => ({ kind: 'apiKey', secret: 'k' }), language: () => 'en' },
      { baseUrl: 'http://localhost', fetch: recorder.fetch },
    );
    expect(unwrap(await api.GET('/api/v1/campaigns'), 'failed')).toEqual({ items: [], nextCursor: null });
  });
});

describe('problem messages', () => {
  test('detail, else title, else the fallback with the status', () => {
    expect(problemMessage({ detail: 'd', title: 't' }, 404, 'f')).toBe('d');
    expect(problemMessage({ title: 't' }, 404, 'f')).toBe('t');
    expect(problemMessage('<html>', 502, 'The request failed')).toBe('The request failed (HTTP 502)');
    expect(problemMessage(undefined, 500, 'f')).toBe('f (HTTP 500)');
  });
});
