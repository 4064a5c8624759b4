// The template endpoints the editor uses, typed by the generated OpenAPI schema (DraftView,
// DefinitionView); bodyOf adds the problems a refused publish carries to the thrown error.

import { ApiError, problemMessage, type Api, type Schemas, type Template } from '../shared/api';
import type { Problem } from './templateProblems';

export type Validation = Schemas['ValidationView'];
export type Draft = Schemas['DraftView'];
export type PublishedTemplate = Schemas['DefinitionView'];

interface Result {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** The body of a successful response, or an ApiError carrying the server's localized detail (and a 422's problems). */
export function bodyOf<T>(result: Result, fallback: string): T {
  if (result.response.ok) return result.data as T;
  const error = (result.error ?? {}) as { code?: unknown; errors?: unknown };
  throw new TemplateApiError(
    problemMessage(result.error, result.response.status, fallback),
    result.response.status,
    typeof error.code === 'string' ? error.code : undefined,
    Array.isArray(error.errors) ? (error.errors as Problem[]) : [],
  );
}

/** A refusal with the validation problems a refused publish carries. */
export class TemplateApiError extends ApiError {
  constructor(
    message: string,
    status: number,
    code: string | undefined,
    readonly problems: Problem[],
  ) {
    super(message, status, code);
  }
}

const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` });

export const templateApi = {
  async published(api: Api, fallback: string): Promise<Template[]> {
    return bodyOf<Template[]>(await api.GET('/api/v1/templates'), fallback);
  },
  async workflows(api: Api, fallback: string): Promise<Template[]> {
    return bodyOf<Template[]>(await api.GET('/api/v1/workflows'), fallback);
  },
  async version(api: Api, definitionId: string, version: number, fallback: string): Promise<PublishedTemplate> {
    return bodyOf(
      await api.GET('/api/v1/templates/{definitionId}/versions/{version}', { params: { path: { definitionId, version } } }),
      fallback,
    );
  },
  async drafts(api: Api, fallback: string): Promise<Draft[]> {
    return bodyOf(await api.GET('/api/v1/templates/drafts'), fallback);
  },
  async draft(api: Api, draftId: string, fallback: string): Promise<Draft> {
    return bodyOf(await api.GET('/api/v1/templates/drafts/{draftId}', { params: { path: { draftId } } }), fallback);
  },
  async create(api: Api, definition: unknown, fallback: string): Promise<Draft> {
    return bodyOf(await api.POST('/api/v1/templates/drafts', { body: definition }), fallback);
  },
  async save(api: Api, draftId: string, version: number, definition: unknown, fallback: string): Promise<Draft> {
    return bodyOf(
      await api.PUT('/api/v1/templates/drafts/{draftId}', { params: { path: { draftId } }, body: definition, headers: ifMatch(version) }),
      fallback,
    );
  },
  async remove(api: Api, draftId: string, version: number, fallback: string): Promise<void> {
    const result = await api.DELETE('/api/v1/templates/drafts/{draftId}', { params: { path: { draftId } }, headers: ifMatch(version) });
    if (!result.response.ok) bodyOf(result, fallback);
  },
  async publish(api: Api, draftId: string, version: number, fallback: string): Promise<PublishedTemplate> {
    return bodyOf(
      await api.POST('/api/v1/templates/drafts/{draftId}/publish', { params: { path: { draftId } }, headers: ifMatch(version) }),
      fallback,
    );
  },
  async validate(api: Api, definition: unknown, fallback: string): Promise<Validation> {
    return bodyOf(await api.POST('/api/v1/templates/validate', { body: definition as never }), fallback);
  },
};
