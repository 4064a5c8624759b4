import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './api/schema';
import type { Language } from './i18n';
import type { Credential } from './session';

// The typed client of the REST API, generated from openapi.json (npm run generate:api). Every
// request carries the session's credential and the chosen language, so that the server's problem
// details come back in the language the page shows.

export type Schemas = components['schemas'];
export type Template = Schemas['VersionView'];
export type Campaign = Schemas['CampaignResponse'];
export type Me = Schemas['MeResponse'];

/** What a request needs from the page's state, read at the time of each request. */
export interface RequestContext {
  credential(): Credential | null;
  language(): Language;
}

/** The headers every API request carries. */
/** The headers every API request carries: an API key as X-Api-Key, a person's token as Authorization: Bearer. */
export function requestHeaders(credential: Credential | null, language: Language): Record<string, string> {
  const headers: Record<string, string> = { 'Accept-Language': language, Accept: 'application/json' };
  if (credential?.kind === 'apiKey') headers['X-Api-Key'] = credential.secret;
  else if (credential) headers.Authorization = `Bearer ${credential.secret}`;
  return headers;
}

export function headerMiddleware(context: RequestContext): Middleware {
  return {
    onRequest({ request }) {
      for (const [name, value] of Object.entries(requestHeaders(context.credential(), context.language()))) {
        // A call that asks for another type keeps its Accept (the events stream's text/event-stream).
        if (name === 'Accept' && request.headers.has('Accept')) continue;
        request.headers.set(name, value);
      }
      return request;
    },
  };
}

export function createApi(context: RequestContext, options: { baseUrl?: string; fetch?: typeof fetch } = {}) {
  const client = createClient<paths>({ baseUrl: options.baseUrl ?? '', fetch: options.fetch });
  client.use(headerMiddleware(context));
  return client;
}

export type Api = ReturnType<typeof createApi>;

/** A refusal of the server (problem details), or a failure to reach it. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * The message to show for a failed response: the problem's `detail` (localized by the server),
 * else its title, else the fallback with the status.
 */
export function problemMessage(body: unknown, status: number, fallback: string): string {
  if (body && typeof body === 'object') {
    const problem = body as { detail?: unknown; title?: unknown };
    if (typeof problem.detail === 'string' && problem.detail) return problem.detail;
    if (typeof problem.title === 'string' && problem.title) return problem.title;
  }
  return `${fallback} (HTTP ${status})`;
}

/** The data of a response, or an ApiError with the message to show. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }, fallback: string): T {
  if (result.response.ok && result.data !== undefined) return result.data;
  const error = result.error as { code?: unknown } | undefined;
  throw new ApiError(
    problemMessage(result.error, result.response.status, fallback),
    result.response.status,
    typeof error?.code === 'string' ? error.code : undefined,
  );
}
