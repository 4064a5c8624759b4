// The designer's requests, typed by the generated OpenAPI schema (DraftView, DefinitionView…).

import { ApiError, problemMessage, unwrap, type Api, type Schemas } from '../shared/api';
import type { ActivityDescriptor } from './descriptors';
import type { PhaseWorkflow } from './document';
import type { Problem } from './problems';

export type DraftView = Schemas['DraftView'];
export type VersionView = Schemas['VersionView'];
export type DefinitionView = Schemas['DefinitionView'];
export type DiffView = Schemas['DiffView'];
export type ValidationView = Schemas['ValidationView'];

/** A refusal with the problems the server listed (a publish refused as invalid). */
export class RefusedWithProblems extends ApiError {
  constructor(
    message: string,
    status: number,
    readonly problems: Problem[],
  ) {
    super(message, status);
  }
}

const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` });

export async function loadDescriptors(api: Api, fallback: string): Promise<ActivityDescriptor[]> {
  return unwrap(await api.GET('/api/v1/activity-descriptors'), fallback) as unknown as ActivityDescriptor[];
}

export async function listDrafts(api: Api, fallback: string): Promise<DraftView[]> {
  return unwrap(await api.GET('/api/v1/workflows/drafts'), fallback);
}

export async function listVersions(api: Api, fallback: string): Promise<VersionView[]> {
  return unwrap(await api.GET('/api/v1/workflows'), fallback);
}

export async function getDraft(api: Api, draftId: string, fallback: string): Promise<DraftView> {
  return unwrap(await api.GET('/api/v1/workflows/drafts/{draftId}', { params: { path: { draftId } } }), fallback);
}

export async function getVersion(api: Api, definitionId: string, version: number, fallback: string): Promise<DefinitionView> {
  return unwrap(
    await api.GET('/api/v1/workflows/{definitionId}/versions/{version}', { params: { path: { definitionId, version } } }),
    fallback,
  );
}

export async function createDraft(api: Api, document: unknown, fallback: string): Promise<DraftView> {
  return unwrap(await api.POST('/api/v1/workflows/drafts', { body: document }), fallback);
}

export async function saveDraft(api: Api, draftId: string, version: number, document: PhaseWorkflow, fallback: string): Promise<DraftView> {
  return unwrap(
    await api.PUT('/api/v1/workflows/drafts/{draftId}', { params: { path: { draftId } }, body: document, headers: ifMatch(version) }),
    fallback,
  );
}

export async function deleteDraft(api: Api, draftId: string, version: number, fallback: string): Promise<void> {
  const result = await api.DELETE('/api/v1/workflows/drafts/{draftId}', { params: { path: { draftId } }, headers: ifMatch(version) });
  if (!result.response.ok) unwrap(result, fallback);
}

/** Publishes a draft; the new version, or a refusal (with the problems when it is invalid). */
export async function publishDraft(api: Api, draftId: string, version: number, fallback: string): Promise<VersionView> {
  const result = await api.POST('/api/v1/workflows/drafts/{draftId}/publish', { params: { path: { draftId } }, headers: ifMatch(version) });
  if (result.data) return result.data.version;
  const body = result.error as { errors?: Problem[] } | undefined;
  throw new RefusedWithProblems(problemMessage(result.error, result.response.status, fallback), result.response.status, body?.errors ?? []);
}

export async function validate(api: Api, document: PhaseWorkflow, fallback: string, signal?: AbortSignal): Promise<ValidationView> {
  return unwrap(await api.POST('/api/v1/workflows/validate', { body: document, signal }), fallback);
}

export async function diff(api: Api, definitionId: string, from: number, to: number, fallback: string): Promise<DiffView> {
  return unwrap(
    await api.GET('/api/v1/audit/definitions/{kind}/{definitionId}/diff', {
      params: { path: { kind: 'workflow', definitionId }, query: { from, to } },
    }),
    fallback,
  );
}
